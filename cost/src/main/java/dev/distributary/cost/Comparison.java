package dev.distributary.cost;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One design's cost against another's, and the components where they differ.
 *
 * @param design            the design compared
 * @param usdPerMillion     its dollars per million events
 * @param other             the design it is compared with
 * @param otherUsdPerMillion that design's dollars per million events
 * @param differences       per component, {@code design}'s dollars per million events minus {@code other}'s, where
 *                          they differ noticeably, largest first
 */
public record Comparison(
        Design design, double usdPerMillion, Design other, double otherUsdPerMillion, List<Difference> differences) {
    /** Differences smaller than this (a twentieth of a cent per million events) are not worth naming. */
    static final double NOTICEABLE_USD = 0.0005;

    /** One component's difference in dollars per million events: negative where {@code design} pays less. */
    public record Difference(Component component, double usdPerMillion) {
        public Difference {
            Objects.requireNonNull(component, "component");
        }
    }

    public Comparison {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(other, "other");
        if (design == other) {
            throw new IllegalArgumentException("a design is compared with another design");
        }
        differences = List.copyOf(differences);
    }

    static Comparison of(DesignCost design, DesignCost other) {
        List<Difference> differences = design.components().stream()
                .map(c -> new Difference(
                        c.component(),
                        c.usdPerMillion() - other.component(c.component()).usdPerMillion()))
                .filter(d -> Math.abs(d.usdPerMillion()) >= NOTICEABLE_USD)
                .sorted(Comparator.comparingDouble(d -> -Math.abs(d.usdPerMillion())))
                .toList();
        return new Comparison(
                design.design(), design.usdPerMillion(), other.design(), other.usdPerMillion(), differences);
    }

    /** How much less {@code design} costs, in percent of {@code other}'s cost: negative when it costs more. */
    public double savingPercent() {
        return (otherUsdPerMillion - usdPerMillion) / otherUsdPerMillion * 100;
    }

    /** One sentence: by how much, and the components that make the difference. */
    public String sentence() {
        double saving = savingPercent();
        StringBuilder sentence = new StringBuilder(String.format(
                Locale.ROOT,
                "%s costs %.1f%% %s per million events than %s ($%.3f against $%.3f)",
                design.label(),
                Math.abs(saving),
                saving >= 0 ? "less" : "more",
                other.label(),
                usdPerMillion,
                otherUsdPerMillion));
        String less =
                list(differences.stream().filter(d -> d.usdPerMillion() < 0).toList());
        String more =
                list(differences.stream().filter(d -> d.usdPerMillion() > 0).toList());
        if (!less.isEmpty()) {
            sentence.append(": it pays less for ").append(less);
        }
        if (!more.isEmpty()) {
            sentence.append(less.isEmpty() ? ": it pays more for " : ", and more for ")
                    .append(more);
        }
        return sentence.append('.').toString();
    }

    private static String list(List<Difference> differences) {
        return differences.stream()
                .map(d -> String.format(
                        Locale.ROOT,
                        "%s (%s$%.3f)",
                        d.component().label(),
                        d.usdPerMillion() < 0 ? "-" : "+",
                        Math.abs(d.usdPerMillion())))
                .collect(Collectors.joining(", "));
    }
}
