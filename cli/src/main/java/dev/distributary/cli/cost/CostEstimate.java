package dev.distributary.cli.cost;

import dev.distributary.topology.FanoutType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model's answer: per design and component, billed units per event, dollars per million events
 * and dollars per month; the flows and invocations behind them; and the comparison.
 *
 * <p>This is the programmatic entry point for charts (benchmarks): {@link #comparison()} gives one row
 * per component with both designs' figures.
 */
public record CostEstimate(String platform, Workload workload, FanoutType fanout, EnvelopeSize envelope,
                           DesignCost distributary, DesignCost naive, Map<Design, Flows> flows) {

    /** One component, both designs. */
    public record Row(Component component, ComponentCost distributary, ComponentCost naive) {
    }

    public CostEstimate {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(fanout, "fanout");
        Objects.requireNonNull(envelope, "envelope");
        if (distributary.design() != Design.DISTRIBUTARY || naive.design() != Design.NAIVE) {
            throw new IllegalArgumentException("distributary and naive costs must be of their designs");
        }
        flows = Map.copyOf(flows);
    }

    public DesignCost of(Design design) {
        return design == Design.DISTRIBUTARY ? distributary : naive;
    }

    /** Every component, Distributary against naive, in bill order. */
    public List<Row> comparison() {
        return List.of(Component.values()).stream()
                .map(c -> new Row(c, distributary.component(c), naive.component(c))).toList();
    }

    /** Distributary's saving (or extra cost) per million events against the naive design. */
    public Verdict verdict() {
        return Verdict.of(distributary.usdPerMillion(), naive.usdPerMillion());
    }
}
