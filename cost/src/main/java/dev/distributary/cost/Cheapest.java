package dev.distributary.cost;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The priced designs from cheapest to dearest, and why the cheapest beats the next one.
 *
 * @param order  every priced design and its dollars per million events, cheapest first
 * @param reason the cheapest design against the next cheapest
 */
public record Cheapest(List<Ranked> order, Comparison reason) {

    /** A design and its dollars per million events. */
    public record Ranked(Design design, double usdPerMillion) {
        public Ranked {
            Objects.requireNonNull(design, "design");
        }
    }

    public Cheapest {
        order = List.copyOf(order);
        Objects.requireNonNull(reason, "reason");
        if (order.size() < 2
                || order.get(0).design() != reason.design()
                || order.get(1).design() != reason.other()) {
            throw new IllegalArgumentException("the reason compares the cheapest design with the next one");
        }
    }

    static Cheapest of(List<DesignCost> priced) {
        if (priced.size() < 2) {
            throw new IllegalArgumentException("naming the cheapest design needs at least two priced designs");
        }
        List<DesignCost> sorted = priced.stream()
                .sorted(Comparator.comparingDouble(DesignCost::usdPerMillion))
                .toList();
        return new Cheapest(
                sorted.stream()
                        .map(d -> new Ranked(d.design(), d.usdPerMillion()))
                        .toList(),
                Comparison.of(sorted.get(0), sorted.get(1)));
    }

    public Design design() {
        return order.get(0).design();
    }

    /** "Cheapest: A ($a per million events), then B ($b), then C ($c)." and the reason. */
    public String sentence() {
        String then = order.stream()
                .skip(1)
                .map(r -> String.format(Locale.ROOT, "%s ($%.3f)", r.design().label(), r.usdPerMillion()))
                .collect(Collectors.joining(", then "));
        return String.format(
                Locale.ROOT,
                "Cheapest: %s ($%.3f per million events), then %s. %s",
                design().label(),
                order.get(0).usdPerMillion(),
                then,
                reason.sentence());
    }
}
