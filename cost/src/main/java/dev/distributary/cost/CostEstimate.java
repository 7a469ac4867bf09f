package dev.distributary.cost;

import dev.distributary.topology.FanoutType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The model's answer: per design and component, billed units per event, dollars per million events
 * and dollars per month; the flows behind them; the comparison with the naive design, and which
 * design is cheapest. A design that cannot serve the platform is not priced, with its reason.
 *
 * <p>This is the programmatic entry point for charts (benchmarks): {@link #comparison()} gives one row
 * per component with every priced design's figures.
 */
public record CostEstimate(
        String platform,
        Workload workload,
        FanoutType fanout,
        EnvelopeSize envelope,
        Map<Design, Pricing> designs,
        Map<Design, Flows> flows) {

    /** One component, every priced design. */
    public record Row(Component component, Map<Design, ComponentCost> costs) {
        public Row {
            costs = Map.copyOf(costs);
        }

        public ComponentCost distributary() {
            return costs.get(Design.DISTRIBUTARY);
        }

        public ComponentCost naive() {
            return costs.get(Design.NAIVE);
        }

        /** The design's figures, if it is priced. */
        public Optional<ComponentCost> of(Design design) {
            return Optional.ofNullable(costs.get(design));
        }
    }

    public CostEstimate {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(fanout, "fanout");
        Objects.requireNonNull(envelope, "envelope");
        for (Design design : Design.values()) {
            Pricing pricing = designs.get(design);
            if (pricing == null || pricing.design() != design) {
                throw new IllegalArgumentException("every design needs its pricing or the reason it is not priced; "
                        + design.label() + " has none");
            }
        }
        if (!(designs.get(Design.DISTRIBUTARY) instanceof Pricing.Priced)
                || !(designs.get(Design.NAIVE) instanceof Pricing.Priced)) {
            throw new IllegalArgumentException("Distributary and the naive design are always priced");
        }
        designs = Map.copyOf(designs);
        flows = Map.copyOf(flows);
    }

    public DesignCost distributary() {
        return of(Design.DISTRIBUTARY);
    }

    public DesignCost naive() {
        return of(Design.NAIVE);
    }

    /** The design's cost; the design must be priced (see {@link #priced(Design)}). */
    public DesignCost of(Design design) {
        return priced(design)
                .orElseThrow(() -> new IllegalStateException(design.label() + " is not priced for this platform"));
    }

    /** The design's cost, or empty where it cannot serve the platform. */
    public Optional<DesignCost> priced(Design design) {
        return designs.get(design) instanceof Pricing.Priced priced ? Optional.of(priced.cost()) : Optional.empty();
    }

    /** Every priced design, in {@link Design} order. */
    public List<DesignCost> priced() {
        return List.of(Design.values()).stream()
                .map(this::priced)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The designs that are not priced, each with its reason. */
    public List<Pricing.NotAvailable> notPriced() {
        return List.of(Design.values()).stream()
                .map(designs::get)
                .filter(Pricing.NotAvailable.class::isInstance)
                .map(Pricing.NotAvailable.class::cast)
                .toList();
    }

    /** Every component, every priced design, in bill order. */
    public List<Row> comparison() {
        return List.of(Component.values()).stream()
                .map(c -> {
                    Map<Design, ComponentCost> costs = new EnumMap<>(Design.class);
                    priced().forEach(cost -> costs.put(cost.design(), cost.component(c)));
                    return new Row(c, costs);
                })
                .toList();
    }

    /** Distributary's saving (or extra cost) per million events against the naive design. */
    public Verdict verdict() {
        return Verdict.of(distributary().usdPerMillion(), naive().usdPerMillion());
    }

    /** The priced designs from cheapest to dearest, and why the cheapest beats the next. */
    public Cheapest cheapest() {
        return Cheapest.of(priced());
    }

    /** One design against another, where both are priced. */
    public Optional<Comparison> compare(Design design, Design other) {
        return priced(design).flatMap(d -> priced(other).map(o -> Comparison.of(d, o)));
    }
}
