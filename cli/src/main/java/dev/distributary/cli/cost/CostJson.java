package dev.distributary.cli.cost;

import java.util.List;

/**
 * An estimate for programs ({@code distributary cost --format json}): the same figures as
 * {@link CostTable}, unrounded.
 *
 * @param platform        the platform's name
 * @param writesPerSecond the workload's rate over the platform
 * @param itemKb          the item size
 * @param fanout          standard or fifo
 * @param envelope        the size of one change's message
 * @param prices          where the prices are for, when they were checked, and how many are unverified
 * @param components      each line of the bill, both designs
 * @param total           the sum of the components, both designs
 * @param verdict         Distributary's saving against the naive design
 */
public record CostJson(String platform, double writesPerSecond, double itemKb, String fanout, Envelope envelope, Prices prices,
        List<ComponentJson> components, Designs total, VerdictJson verdict) {

    /** {@code kind} is {@code full} (both images) or {@code keys-only} (too large for SNS with them). */
    public record Envelope(String kind, double kb) {
    }

    public record Prices(String region, String checked, long unverified, int count) {
    }

    public record Figures(Double unitsPerEvent, double usdPerMillionEvents, double usdPerMonth) {
    }

    public record Designs(Figures distributary, Figures naive) {
    }

    public record ComponentJson(String component, String unit, Figures distributary, Figures naive) {
    }

    /** {@code savingPercent} is negative when Distributary costs more. */
    public record VerdictJson(double savingPercent, double targetSavingPercent, boolean targetMet) {
    }

    public static CostJson of(CostEstimate estimate, PriceTable prices) {
        List<ComponentJson> components = estimate.comparison().stream()
                .map(row -> new ComponentJson(row.component().label(), row.component().unit(), figures(row.distributary()), figures(row.naive())))
                .toList();
        Designs total = new Designs(new Figures(null, estimate.distributary().usdPerMillion(), estimate.distributary().usdPerMonth()),
                new Figures(null, estimate.naive().usdPerMillion(), estimate.naive().usdPerMonth()));
        Verdict verdict = estimate.verdict();
        boolean met = verdict instanceof Verdict.Saving saving && saving.meetsTarget();
        long unverified = prices.prices().values().stream().filter(p -> !p.verified()).count();
        return new CostJson(estimate.platform(), estimate.workload().writesPerSecond(), estimate.workload().itemKb(), estimate.fanout().yamlName(),
                new Envelope(estimate.envelope() instanceof EnvelopeSize.KeysOnly ? "keys-only" : "full", estimate.envelope().kb()),
                new Prices(prices.region(), prices.checked().toString(), unverified, prices.prices().size()), components, total,
                new VerdictJson(verdict.savingPercent(), Verdict.TARGET_SAVING_PERCENT, met));
    }

    private static Figures figures(ComponentCost cost) {
        return new Figures(cost.unitsPerEvent(), cost.usdPerMillion(), cost.usdPerMonth());
    }
}
