package dev.distributary.cli.cost;

import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints an estimate as a table with its verdict and footnotes, for people. */
public final class CostTable {
    /** The narrowest each column is; a column widens to fit its longest cell, so that a large workload stays aligned. */
    private static final int[] MIN_WIDTHS = {20, 17, 12, 10, 13, 10, 13, 10};
    private static final String[] GROUPS = {"units per event", "$ per million events", "$ per month"};

    private CostTable() {
    }

    public static String format(CostEstimate estimate, Topology topology, PriceTable prices) {
        StringBuilder out = new StringBuilder();
        Workload workload = estimate.workload();
        out.append(String.format(Locale.ROOT, "Cost of platform %s at %s writes/s of %s KB items (%s), %s fan-out, %s prices checked %s%n%n",
                estimate.platform(), number(workload.writesPerSecond()), number(workload.itemKb()), envelope(estimate.envelope()),
                estimate.fanout().yamlName(), prices.region(), prices.checked()));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"component", "unit", "Distributary", "naive", "Distributary", "naive", "Distributary", "naive"});
        for (CostEstimate.Row row : estimate.comparison()) {
            rows.add(new String[] {row.component().label(), row.component().unit(),
                    units(row.distributary().unitsPerEvent()), units(row.naive().unitsPerEvent()),
                    dollars(row.distributary().usdPerMillion()), dollars(row.naive().usdPerMillion()),
                    money(row.distributary().usdPerMonth()), money(row.naive().usdPerMonth())});
        }
        rows.add(new String[] {"total", "", "", "",
                dollars(estimate.distributary().usdPerMillion()), dollars(estimate.naive().usdPerMillion()),
                money(estimate.distributary().usdPerMonth()), money(estimate.naive().usdPerMonth())});
        table(rows, out);
        out.append(System.lineSeparator()).append(verdict(estimate, topology)).append(System.lineSeparator());
        out.append(System.lineSeparator());
        footnotes(estimate, topology, prices).forEach(line -> out.append(line).append(System.lineSeparator()));
        return out.toString();
    }

    static String verdict(CostEstimate estimate, Topology topology) {
        Verdict verdict = estimate.verdict();
        String target = String.format(Locale.ROOT, "the target is at least %.0f%% less", Verdict.TARGET_SAVING_PERCENT);
        if (verdict instanceof Verdict.Saving saving) {
            return String.format(Locale.ROOT, "Distributary costs %.1f%% less per million events than the naive design (%s: %s).",
                    saving.percent(), target, saving.meetsTarget() ? "met" : "not met");
        }
        Verdict.ExtraCost extra = (Verdict.ExtraCost) verdict;
        StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
                "Distributary costs %.1f%% MORE per million events than the naive design (%s: not met).%nWhy: ",
                extra.percent(), target));
        List<String> reasons = new ArrayList<>();
        for (CostEstimate.Row row : estimate.comparison()) {
            double more = row.distributary().usdPerMillion() - row.naive().usdPerMillion();
            if (more > 0.0005) {
                reasons.add(String.format(Locale.ROOT, "%s +$%s per million events", row.component().label(), dollars(more)));
            }
        }
        why.append(String.join(", ", reasons)).append('.');
        double published = estimate.flows().get(Design.DISTRIBUTARY).published() / estimate.workload().writesPerSecond();
        List<String> anyConsumers = topology.fanout().consumers().stream().filter(c -> c.origin() == OriginScope.ANY).map(ConsumerSpec::name).toList();
        why.append(String.format(Locale.ROOT, " Each event is published %s times on average", number(published)));
        if (!anyConsumers.isEmpty()) {
            why.append(" because ").append(String.join(", ", anyConsumers))
                    .append(anyConsumers.size() == 1 ? " takes" : " take")
                    .append(" replicated changes (origin any), so every region it lives in processes each change of its tables");
        }
        why.append("; the naive design keeps no idempotency ledger.");
        return why.toString();
    }

    static List<String> footnotes(CostEstimate estimate, Topology topology, PriceTable prices) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "An event is one application write in its writing region; the writes are spread evenly over the %d tables and over each table's writing regions,",
                topology.tables().size()));
        notes.add("  event names are a third each INSERT, MODIFY and REMOVE, and consumers' item filters match every item. A month is 30 days.");
        notes.add(String.format(Locale.ROOT, "Lambda duration is modelled, not measured: %s ms per DynamoDB round trip, %s ms per SNS call, %s ms CPU per record, arm64, %d MB,",
                number(prices.assumption("latency.dynamodb-round-trip-ms").value()), number(prices.assumption("latency.sns-publish-round-trip-ms").value()),
                number(prices.assumption("cpu.per-record-ms").value()), topology.processor().memoryMb()));
        notes.add(String.format(Locale.ROOT, "  batches of what arrives in max(batching window, 1/%s s), one shard per stream.",
                number(prices.assumption("lambda.stream-polls-per-second").value())));
        notes.add("SNS includes deliveries to SQS; SQS counts SNS's SendMessage into each queue and the consumer's receives and deletes, ten per call.");
        if (estimate.envelope() instanceof EnvelopeSize.KeysOnly) {
            notes.add(String.format(Locale.ROOT, "Envelopes of %s KB items exceed SNS's 256 KB, so they are published with the keys only (about 1 KB).",
                    number(estimate.workload().itemKb())));
        }
        long unverified = prices.prices().values().stream().filter(p -> !p.verified()).count();
        notes.add(String.format(Locale.ROOT, "Publish ledger: %s. CloudWatch Logs: %s bytes per processed record (Distributary) and %s (naive), measured on the local run,",
                topology.processor().ledger().yamlName(), number(prices.assumption("logs.bytes-per-record.distributary").value()),
                number(prices.assumption("logs.bytes-per-record.naive").value())));
        notes.add(String.format(Locale.ROOT, "  plus %s bytes of Lambda's START, END and REPORT lines per invocation.",
                number(prices.assumption("logs.platform-bytes-per-invocation").value())));
        notes.add(String.format(Locale.ROOT, "Not included: free tiers, data transfer, storage, other reads, empty receives, CloudWatch metrics. %d of %d prices are unverified against AWS's own pages;",
                unverified, prices.prices().size()));
        notes.add("  sources and dates: cli/src/main/resources/dev/distributary/cli/cost/prices-us-east-1.yaml and docs/cost-model.md.");
        return notes;
    }

    private static String envelope(EnvelopeSize envelope) {
        return envelope instanceof EnvelopeSize.KeysOnly
                ? "keys-only envelopes of about " + number(envelope.kb()) + " KB"
                : "envelopes of about " + number(envelope.kb()) + " KB";
    }

    private static String units(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String dollars(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String money(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    static String number(double value) {
        return Numbers.plain(value);
    }

    /** The rows under a line naming each pair of design columns; text left-aligned, figures right-aligned. */
    private static void table(List<String[]> rows, StringBuilder out) {
        int[] widths = MIN_WIDTHS.clone();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int group = 0; group < GROUPS.length; group++) {
            int pair = widths[2 + 2 * group] + 1 + widths[3 + 2 * group];
            widths[2 + 2 * group] += Math.max(0, GROUPS[group].length() - pair);
        }
        StringBuilder heading = new StringBuilder(" ".repeat(widths[0] + 1 + widths[1]));
        for (int group = 0; group < GROUPS.length; group++) {
            int pair = widths[2 + 2 * group] + 1 + widths[3 + 2 * group];
            heading.append(' ').append(String.format(Locale.ROOT, "%-" + pair + "s", GROUPS[group]));
        }
        out.append(heading.toString().stripTrailing()).append(System.lineSeparator());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = String.format(Locale.ROOT, "%" + (i < 2 ? "-" : "") + widths[i] + "s", row[i]);
                line.append(i == 0 ? "" : " ").append(cell);
            }
            out.append(line).append(System.lineSeparator());
        }
    }
}
