package dev.distributary.local.chaos;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.workload.Tally;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Every batch delivered twice by the event source mapping: nothing published twice. */
final class DuplicateBatches implements Scenario {

    @Override
    public String name() {
        return "duplicate-batches";
    }

    @Override
    public String summary() {
        return "every batch delivered twice by the event source mapping; no duplicate downstream";
    }

    @Override
    public int defaultEvents() {
        return 600;
    }

    @Override
    public LocalOptions configure(LocalOptions options, ChaosOptions chaos, AtomicLong repeatedInvocations) {
        return options.withInstrumentation(
                options.instrumentation().withInvoker(invoker -> new TwiceInvoker(invoker, repeatedInvocations)));
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Tally tally = Tally.exactlyOnce(evidence.topology(), evidence.changes(), evidence.deliveries());
        long repeated = evidence.repeatedInvocations();
        List<Check> checks = List.of(
                Checks.delivery(tally),
                Check.of(
                        "every batch was delivered twice",
                        repeated > 0 && repeated == evidence.mappings().invocations(),
                        repeated + " of " + evidence.mappings().invocations() + " batches invoked a second time"),
                Checks.nothingQuarantined(evidence),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost(),
                tally.duplicated(),
                tally.leaked(),
                String.format(
                        "%,d batches each invoked twice; the second invocations skipped %,d records already published; %,d deliveries exactly once",
                        repeated, evidence.metric("Skipped"), tally.expected() - tally.lost()));
    }
}
