package dev.distributary.cost;

import dev.distributary.cost.internal.Numbers;
import dev.distributary.cost.internal.PipeModel;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Prints an estimate as a table with its verdict, the cheapest design and footnotes, for people. */
public final class CostTable {
    /** The narrowest the component and unit columns are, and each design's figure column. */
    private static final int[] MIN_LEADING_WIDTHS = {20, 17};

    private static final int MIN_FIGURE_WIDTH = 10;
    private static final String[] GROUPS = {"units per event", "$ per million events", "$ per month"};

    private CostTable() {}

    public static String format(CostEstimate estimate, Topology topology, PriceTable prices) {
        StringBuilder out = new StringBuilder();
        Workload workload = estimate.workload();
        out.append(String.format(
                Locale.ROOT,
                "Cost of platform %s at %s writes/s of %s KB items (%s), %s fan-out, %s prices checked %s%n%n",
                estimate.platform(),
                number(workload.writesPerSecond()),
                number(workload.itemKb()),
                envelope(estimate.envelope()),
                estimate.fanout().yamlName(),
                prices.region(),
                prices.checked()));
        List<DesignCost> designs = estimate.priced();
        List<String[]> rows = new ArrayList<>();
        String[] names = groupOf(designs, d -> d.design().column());
        rows.add(row("component", "unit", names, names, names));
        for (CostEstimate.Row line : estimate.comparison()) {
            Function<DesignCost, ComponentCost> cost = d -> line.of(d.design()).orElseThrow();
            rows.add(row(
                    line.component().label(),
                    line.component().unit(),
                    groupOf(designs, d -> units(cost.apply(d).unitsPerEvent())),
                    groupOf(designs, d -> dollars(cost.apply(d).usdPerMillion())),
                    groupOf(designs, d -> money(cost.apply(d).usdPerMonth()))));
        }
        rows.add(row(
                "total",
                "",
                groupOf(designs, d -> ""),
                groupOf(designs, d -> dollars(d.usdPerMillion())),
                groupOf(designs, d -> money(d.usdPerMonth()))));
        table(rows, designs.size(), out);
        out.append(System.lineSeparator()).append(verdict(estimate, topology)).append(System.lineSeparator());
        cheapest(estimate).forEach(line -> out.append(line).append(System.lineSeparator()));
        for (Pricing.NotAvailable missing : estimate.notPriced()) {
            out.append(missing.design().label())
                    .append(": not priced; ")
                    .append(missing.reason())
                    .append('.')
                    .append(System.lineSeparator());
        }
        out.append(System.lineSeparator());
        footnotes(estimate, topology, prices).forEach(line -> out.append(line).append(System.lineSeparator()));
        return out.toString();
    }

    static String verdict(CostEstimate estimate, Topology topology) {
        Verdict verdict = estimate.verdict();
        String target = String.format(Locale.ROOT, "the target is at least %.0f%% less", Verdict.TARGET_SAVING_PERCENT);
        if (verdict instanceof Verdict.Saving saving) {
            return String.format(
                    Locale.ROOT,
                    "Distributary costs %.1f%% less per million events than the naive design (%s: %s).",
                    saving.percent(),
                    target,
                    saving.meetsTarget() ? "met" : "not met");
        }
        Verdict.ExtraCost extra = (Verdict.ExtraCost) verdict;
        StringBuilder why = new StringBuilder(String.format(
                Locale.ROOT,
                "Distributary costs %.1f%% MORE per million events than the naive design (%s: not met).%nWhy: ",
                extra.percent(),
                target));
        List<String> reasons = new ArrayList<>();
        for (CostEstimate.Row row : estimate.comparison()) {
            double more = row.distributary().usdPerMillion() - row.naive().usdPerMillion();
            if (more > Comparison.NOTICEABLE_USD) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "%s +$%s per million events",
                        row.component().label(),
                        dollars(more)));
            }
        }
        why.append(String.join(", ", reasons)).append('.');
        double published = estimate.flows().get(Design.DISTRIBUTARY).published()
                / estimate.workload().writesPerSecond();
        List<String> anyConsumers = topology.fanout().consumers().stream()
                .filter(c -> c.origin() == OriginScope.ANY)
                .map(ConsumerSpec::name)
                .toList();
        why.append(String.format(Locale.ROOT, " Each event is published %s times on average", number(published)));
        if (!anyConsumers.isEmpty()) {
            why.append(" because ")
                    .append(String.join(", ", anyConsumers))
                    .append(anyConsumers.size() == 1 ? " takes" : " take")
                    .append(
                            " replicated changes (origin any), so every region it lives in processes each change of its tables");
        }
        why.append("; the naive design keeps no idempotency ledger.");
        return why.toString();
    }

    /**
     * Which priced design is cheapest and why; then Distributary against EventBridge Pipes, unless the
     * first line already compared those two. Where the pipes design is cheaper, what it does without.
     */
    static List<String> cheapest(CostEstimate estimate) {
        Cheapest cheapest = estimate.cheapest();
        List<String> lines = new ArrayList<>(List.of(cheapest.sentence()));
        Comparison first = cheapest.reason();
        boolean pipesCompared = (first.design() == Design.PIPES && first.other() == Design.DISTRIBUTARY)
                || (first.design() == Design.DISTRIBUTARY && first.other() == Design.PIPES);
        if (!pipesCompared) {
            estimate.compare(Design.DISTRIBUTARY, Design.PIPES).ifPresent(versus -> lines.add(versus.sentence()));
        }
        boolean pipesCheaper = estimate.compare(Design.PIPES, Design.DISTRIBUTARY)
                .map(c -> c.savingPercent() > 0)
                .orElse(false);
        if (pipesCheaper) {
            lines.add(
                    "EventBridge Pipes gets there without a publish ledger, quarantine, the envelope or origin classification (below).");
        }
        return lines;
    }

    static List<String> footnotes(CostEstimate estimate, Topology topology, PriceTable prices) {
        List<String> notes = new ArrayList<>();
        int tables = topology.tables().size();
        notes.add(String.format(
                Locale.ROOT,
                "An event is one application write in its writing region; the writes are spread evenly over the %d %s and over each table's writing regions,",
                tables,
                tables == 1 ? "table" : "tables"));
        notes.add(
                "  event names are a third each INSERT, MODIFY and REMOVE, and consumers' item filters match every item. A month is 30 days.");
        notes.add(String.format(
                Locale.ROOT,
                "Lambda duration is modelled, not measured: %s ms per DynamoDB round trip, %s ms per SNS call, %s ms CPU per record, arm64, %d MB,",
                number(prices.assumption("latency.dynamodb-round-trip-ms").value()),
                number(prices.assumption("latency.sns-publish-round-trip-ms").value()),
                number(prices.assumption("cpu.per-record-ms").value()),
                topology.processor().memoryMb()));
        notes.add(String.format(
                Locale.ROOT,
                "  batches of what arrives in max(batching window, 1/%s s), one shard per stream.",
                number(prices.assumption("lambda.stream-polls-per-second").value())));
        notes.add(
                "SNS includes deliveries to SQS; SQS counts SNS's SendMessage into each queue and the consumer's receives and deletes, ten per call.");
        if (estimate.envelope() instanceof EnvelopeSize.KeysOnly) {
            notes.add(String.format(
                    Locale.ROOT,
                    "Envelopes of %s KB items exceed SNS's 256 KB, so they are published with the keys only (about 1 KB).",
                    number(estimate.workload().itemKb())));
        }
        notes.add(String.format(
                Locale.ROOT,
                "Publish ledger: %s. CloudWatch Logs: %s bytes per processed record (Distributary) and %s (naive), measured on the local run,",
                topology.processor().ledger().yamlName(),
                number(prices.assumption("logs.bytes-per-record.distributary").value()),
                number(prices.assumption("logs.bytes-per-record.naive").value())));
        notes.add(String.format(
                Locale.ROOT,
                "  plus %s bytes of Lambda's START, END and REPORT lines per invocation.",
                number(prices.assumption("logs.platform-bytes-per-invocation").value())));
        if (estimate.priced(Design.PIPES).isPresent()) {
            notes.addAll(pipes(estimate, topology, prices));
        }
        long unverified =
                prices.prices().values().stream().filter(p -> !p.verified()).count();
        notes.add(String.format(
                Locale.ROOT,
                "Not included: free tiers, data transfer, storage, reads other than the ledger's and the pipes', empty receives, CloudWatch metrics. %d of %d prices",
                unverified,
                prices.prices().size()));
        notes.add(
                "  are unverified against AWS's own pages; sources and dates: cost/src/main/resources/dev/distributary/cost/prices-us-east-1.yaml, docs/cost-model.md.");
        return notes;
    }

    /** How the pipes design is modelled, and what a pipe cannot do (not priced). */
    private static List<String> pipes(CostEstimate estimate, Topology topology, PriceTable prices) {
        int batch = PipeModel.batchSize(topology.processor(), estimate.envelope());
        return List.of(
                "EventBridge Pipes: one pipe per table and region whose topic takes the table's changes, its filter on the record (origin stamp, class, images)",
                "  passing what any consumer there takes; PublishBatch calls of up to " + batch
                        + " records (an SNS target takes ten, within 256 KB); its stream reads billed;",
                String.format(
                        Locale.ROOT,
                        "  no function, ledger or logs. A pipe sets no message attributes, so filter policies read the body, which SNS scans at $%s/GB",
                        number(prices.price("sns.standard.payload-filtering-gb").value())),
                "  (unverified) for every subscription that does not take all its topic carries.",
                "What a pipe cannot do, not priced: publish once (no ledger: a retried batch is published again), quarantine a record with its reason, build the",
                "  lossless CloudEvents envelope (an input transformer copies DynamoDB JSON), or tell TTL expiries, tombstones and unstamped writes apart (docs/comparison.md).");
    }

    /** A row: the component, its unit, then the units, dollars per million and dollars per month of every design. */
    private static String[] row(String component, String unit, String[] units, String[] perMillion, String[] perMonth) {
        List<String> cells = new ArrayList<>(List.of(component, unit));
        for (String[] group : List.of(units, perMillion, perMonth)) {
            cells.addAll(List.of(group));
        }
        return cells.toArray(String[]::new);
    }

    private static String[] groupOf(List<DesignCost> designs, Function<DesignCost, String> cell) {
        return designs.stream().map(cell).toArray(String[]::new);
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

    /** The rows under a line naming each group of design columns; text left-aligned, figures right-aligned. */
    private static void table(List<String[]> rows, int designs, StringBuilder out) {
        int columns = 2 + GROUPS.length * designs;
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = i < 2 ? MIN_LEADING_WIDTHS[i] : MIN_FIGURE_WIDTH;
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (int group = 0; group < GROUPS.length; group++) {
            int first = 2 + group * designs;
            int span = groupWidth(widths, first, designs);
            widths[first] += Math.max(0, GROUPS[group].length() - span);
        }
        StringBuilder heading = new StringBuilder(" ".repeat(widths[0] + 1 + widths[1]));
        for (int group = 0; group < GROUPS.length; group++) {
            int span = groupWidth(widths, 2 + group * designs, designs);
            heading.append(' ').append(String.format(Locale.ROOT, "%-" + span + "s", GROUPS[group]));
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

    /** The width of a group's columns with the spaces between them. */
    private static int groupWidth(int[] widths, int first, int count) {
        int width = count - 1;
        for (int i = first; i < first + count; i++) {
            width += widths[i];
        }
        return width;
    }
}
