package dev.distributary.local.chaos;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.workload.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The function's JVM halts before the second PublishBatch of an invocation (the chaos agent, in
 * the function itself), so the first ten records are published and marked done and the rest are
 * claimed but not published. The function times out after 8 seconds here, so the dead
 * invocation's claims expire quickly and the retry takes them over: nothing lost, nothing twice.
 */
final class DeathMidBatch implements Scenario {
    static final int TIMEOUT_SECONDS = 8;
    static final double PROBABILITY = 0.5;
    /** Where the functions count their faults when their number is limited (in the scenario's work directory). */
    static final String BUDGET = "chaos-budget";

    @Override
    public String name() {
        return "death-mid-batch";
    }

    @Override
    public String summary() {
        return "the function dies (JVM halt) between two PublishBatch calls of a batch; nothing lost, nothing duplicated";
    }

    @Override
    public int defaultEvents() {
        return 600;
    }

    /** A short timeout (abandoned claims expire with it) and a batching window, so that batches span several PublishBatch calls. */
    @Override
    public Map<String, Object> processorSettings() {
        return Map.of("timeoutSeconds", TIMEOUT_SECONDS, "batchingWindowSeconds", 3);
    }

    @Override
    public boolean usesAgent() {
        return true;
    }

    @Override
    public LocalOptions configure(LocalOptions options, ChaosOptions chaos, AtomicLong repeatedInvocations) {
        AgentFault fault = AgentFault.halt(
                        "PublishBatch", 2, chaos.agentProbability().orElse(PROBABILITY), chaos.seed())
                .limitedTo(chaos.agentMaxFaults(), options.workDirectory().resolve(BUDGET));
        return options.withInstrumentation(
                options.instrumentation().withFunctionCode(AgentFault.jar(chaos.home()), fault.environment()));
    }

    @Override
    public Duration quiet() {
        return Duration.ofSeconds(3L * TIMEOUT_SECONDS + 5);
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        return verdict(evidence, "halt", "the function died mid-batch");
    }

    static Verdict verdict(Evidence evidence, String action, String what) {
        Tally tally = Tally.exactlyOnce(evidence.topology(), evidence.changes(), evidence.deliveries());
        long faults = evidence.agentFaults(action);
        List<Check> checks = List.of(
                Checks.delivery(tally),
                Check.of(what, faults > 0, faults + " times, before the second PublishBatch of an invocation"),
                Checks.nothingDiscarded(evidence.mappings()),
                Checks.nothingQuarantined(evidence),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost(),
                tally.duplicated(),
                tally.leaked(),
                String.format(
                        "%s %,d times after publishing part of a batch; %,d deliveries exactly once; %,d record invocations retried",
                        what,
                        faults,
                        tally.expected() - tally.lost(),
                        evidence.mappings().failedInvokeEventCount()));
    }
}
