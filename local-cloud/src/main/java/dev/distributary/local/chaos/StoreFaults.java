package dev.distributary.local.chaos;

import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.proxy.FaultRule;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.WorkloadOptions;
import java.util.List;

/**
 * Throttling and server errors on the processors' own stores: a tenth of the idempotency table's
 * calls throttled and a tenth failing with 500 (the writers' and the replicator's calls on the
 * data tables are not touched), and half of the quarantine queue's SendMessageBatch calls
 * failing (throttled or 500), with poison records (1 in 50, at least 4) to quarantine. The functions' SDK keeps its own retries (three
 * attempts a call), the first defence against a store's faults; what gets through them fails the
 * record and the event source mapping retries. Every change exactly once; every poison record
 * quarantined once per processor that sees it.
 */
final class StoreFaults implements Scenario {

    @Override
    public String name() {
        return "store-faults";
    }

    @Override
    public String summary() {
        return "10% throttling + 10% 5xx on the idempotency table, half the quarantine sends failing; exactly once, poison quarantined once";
    }

    @Override
    public int defaultEvents() {
        return 600;
    }

    @Override
    public WorkloadOptions workload(int events, ChaosOptions chaos) {
        return WorkloadOptions.of(events, chaos.ratePerSecond(), chaos.seed())
                .withPoison(Math.max(4, events / 50), true);
    }

    @Override
    public void arm(LocalPlatform platform, ChaosOptions chaos) {
        String table = platform.names().idempotencyTable();
        String queue = platform.names().quarantineQueue();
        platform.proxy().inject(FaultRule.throttling("dynamodb", "*", 0.10).on(table));
        platform.proxy().inject(FaultRule.serverError("dynamodb", "*", 0.10).on(table));
        platform.proxy()
                .inject(FaultRule.throttling("sqs", "SendMessageBatch", 0.25).on(queue));
        platform.proxy()
                .inject(FaultRule.serverError("sqs", "SendMessageBatch", 0.25).on(queue));
        // A small run makes only a few quarantine sends, which the shares above can all spare: the
        // first one fails whatever the draw, so that the scenario always sees the fault it is about.
        platform.proxy()
                .injectOnce(
                        FaultRule.serverError("sqs", "SendMessageBatch", 1.0).on(queue));
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Tally tally = Tally.exactlyOnce(evidence.topology(), evidence.changes(), evidence.deliveries());
        PoisonRecords.PoisonCount poison = PoisonRecords.count(evidence);
        long storeFaults = evidence.injected("dynamodb", "*");
        long queueFaults = evidence.injected("sqs", "SendMessageBatch");
        List<Check> checks = List.of(
                Checks.delivery(tally),
                poison.check(),
                Check.of(
                        "the faults were injected",
                        storeFaults > 0 && queueFaults > 0,
                        storeFaults + " idempotency-table calls and " + queueFaults + " quarantine sends failed"),
                Checks.nothingDiscarded(evidence.mappings()),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost() + poison.missing(),
                tally.duplicated() + poison.extra(),
                tally.leaked(),
                String.format(
                        "%,d deliveries exactly once and %,d poison records quarantined %,d times while %,d idempotency-table calls and %,d quarantine sends failed",
                        tally.expected() - tally.lost(),
                        evidence.written().poisons().size(),
                        poison.found(),
                        storeFaults,
                        queueFaults));
    }
}
