package dev.distributary.cost;

import java.util.List;

/**
 * An estimate for programs ({@code distributary cost --format json}): the same figures as
 * {@link CostTable}, unrounded. A design that is not priced has {@code null} figures and is listed,
 * with its reason, in {@code notPriced}.
 *
 * @param platform        the platform's name
 * @param writesPerSecond the workload's rate over the platform
 * @param itemKb          the item size
 * @param fanout          standard or fifo
 * @param envelope        the size of one change's message
 * @param prices          where the prices are for, when they were checked, and how many are unverified
 * @param components      each line of the bill, every design
 * @param total           the sum of the components, every design
 * @param verdict         Distributary's saving against the naive design
 * @param cheapest        the priced designs from cheapest to dearest, and why the cheapest beats the next
 * @param versusPipes     Distributary against EventBridge Pipes; null where the pipes design is not priced
 * @param notPriced       the designs that cannot serve this platform, with the reason
 */
public record CostJson(
        String platform,
        double writesPerSecond,
        double itemKb,
        String fanout,
        Envelope envelope,
        Prices prices,
        List<ComponentJson> components,
        Designs total,
        VerdictJson verdict,
        CheapestJson cheapest,
        ComparisonJson versusPipes,
        List<NotPricedJson> notPriced) {

    /** {@code kind} is {@code full} (both images) or {@code keys-only} (too large for SNS with them). */
    public record Envelope(String kind, double kb) {}

    public record Prices(String region, String checked, long unverified, int count) {}

    public record Figures(Double unitsPerEvent, double usdPerMillionEvents, double usdPerMonth) {}

    /** {@code pipes} is null where the pipes design is not priced. */
    public record Designs(Figures distributary, Figures naive, Figures pipes) {}

    public record ComponentJson(String component, String unit, Figures distributary, Figures naive, Figures pipes) {}

    /** {@code savingPercent} is negative when Distributary costs more. */
    public record VerdictJson(double savingPercent, double targetSavingPercent, boolean targetMet) {}

    /** Designs by their JSON keys ({@code distributary}, {@code naive}, {@code pipes}); {@code order} cheapest first. */
    public record CheapestJson(String design, List<RankedJson> order, String reason) {}

    public record RankedJson(String design, double usdPerMillionEvents) {}

    /** {@code savingPercent} is negative when Distributary costs more. */
    public record ComparisonJson(double savingPercent, String reason) {}

    public record NotPricedJson(String design, String reason) {}

    public static CostJson of(CostEstimate estimate, PriceTable prices) {
        List<ComponentJson> components = estimate.comparison().stream()
                .map(row -> new ComponentJson(
                        row.component().label(),
                        row.component().unit(),
                        figures(row, Design.DISTRIBUTARY),
                        figures(row, Design.NAIVE),
                        figures(row, Design.PIPES)))
                .toList();
        Designs total = new Designs(
                total(estimate, Design.DISTRIBUTARY), total(estimate, Design.NAIVE), total(estimate, Design.PIPES));
        Verdict verdict = estimate.verdict();
        boolean met = verdict instanceof Verdict.Saving saving && saving.meetsTarget();
        Cheapest cheapest = estimate.cheapest();
        long unverified =
                prices.prices().values().stream().filter(p -> !p.verified()).count();
        return new CostJson(
                estimate.platform(),
                estimate.workload().writesPerSecond(),
                estimate.workload().itemKb(),
                estimate.fanout().yamlName(),
                new Envelope(
                        estimate.envelope() instanceof EnvelopeSize.KeysOnly ? "keys-only" : "full",
                        estimate.envelope().kb()),
                new Prices(
                        prices.region(),
                        prices.checked().toString(),
                        unverified,
                        prices.prices().size()),
                components,
                total,
                new VerdictJson(verdict.savingPercent(), Verdict.TARGET_SAVING_PERCENT, met),
                new CheapestJson(
                        cheapest.design().key(),
                        cheapest.order().stream()
                                .map(r -> new RankedJson(r.design().key(), r.usdPerMillion()))
                                .toList(),
                        cheapest.sentence()),
                estimate.compare(Design.DISTRIBUTARY, Design.PIPES)
                        .map(c -> new ComparisonJson(c.savingPercent(), c.sentence()))
                        .orElse(null),
                estimate.notPriced().stream()
                        .map(n -> new NotPricedJson(n.design().key(), n.reason()))
                        .toList());
    }

    private static Figures figures(CostEstimate.Row row, Design design) {
        return row.of(design)
                .map(cost -> new Figures(cost.unitsPerEvent(), cost.usdPerMillion(), cost.usdPerMonth()))
                .orElse(null);
    }

    private static Figures total(CostEstimate estimate, Design design) {
        return estimate.priced(design)
                .map(cost -> new Figures(null, cost.usdPerMillion(), cost.usdPerMonth()))
                .orElse(null);
    }
}
