package dev.distributary.local.chaos;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.proxy.FaultRule;
import dev.distributary.local.internal.workload.Tally;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fifth of SNS PublishBatch calls throttled, with the functions' SDK retries off: each throttle
 * fails a PublishBatch, the processor reports the first record not published, and the event source
 * mapping retries from there. Every change still delivered exactly once.
 */
final class SnsThrottling implements Scenario {
    static final double SHARE = 0.2;

    @Override
    public String name() {
        return "sns-throttling";
    }

    @Override
    public String summary() {
        return "20% of SNS PublishBatch calls throttled; every change delivered exactly once";
    }

    @Override
    public int defaultEvents() {
        return 600;
    }

    /**
     * The functions' SDK makes one attempt per call (it would otherwise retry a throttled call twice
     * and absorb most faults), so every fault reaches the pipeline and the event source mapping
     * retries through partial-batch failures.
     */
    @Override
    public LocalOptions configure(LocalOptions options, ChaosOptions chaos, AtomicLong repeatedInvocations) {
        return options.withInstrumentation(
                options.instrumentation().withFunctionEnvironment(Map.of(SDK_ATTEMPTS, "1")));
    }

    @Override
    public void arm(LocalPlatform platform, ChaosOptions chaos) {
        platform.proxy().inject(FaultRule.throttling("sns", "PublishBatch", SHARE));
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Tally tally = Tally.exactlyOnce(evidence.topology(), evidence.changes(), evidence.deliveries());
        long throttled = evidence.injected("sns", "PublishBatch");
        long calls = evidence.calls("sns", "PublishBatch");
        List<Check> checks = List.of(
                Checks.delivery(tally),
                Check.of(
                        "the fault was injected",
                        throttled > 0,
                        String.format("%,d of %,d PublishBatch calls throttled", throttled, calls)),
                Check.of(
                        "the mappings retried through partial-batch failures",
                        evidence.mappings().failedInvokeEventCount() > 0,
                        evidence.mappings().failedInvokeEventCount()
                                + " record invocations reported failed and retried"),
                Checks.nothingDiscarded(evidence.mappings()),
                Checks.nothingQuarantined(evidence),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost(),
                tally.duplicated(),
                tally.leaked(),
                String.format(
                        "%,d deliveries exactly once while %,d of %,d PublishBatch calls (%.0f%%) were throttled; %,d record invocations retried by the mappings",
                        tally.expected() - tally.lost(),
                        throttled,
                        calls,
                        calls == 0 ? 0.0 : 100.0 * throttled / calls,
                        evidence.mappings().failedInvokeEventCount()));
    }
}
