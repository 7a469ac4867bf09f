package dev.distributary.local.chaos;

import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The function stalls before the second PublishBatch of an invocation until its 8-second deadline
 * passes and the host kills it: a timeout in the middle of a batch. Nothing lost, nothing twice.
 */
final class TimeoutMidBatch implements Scenario {
    static final double PROBABILITY = 0.4;

    @Override
    public String name() {
        return "timeout-mid-batch";
    }

    @Override
    public String summary() {
        return "the function stalls past its deadline between two PublishBatch calls and is killed; nothing lost, nothing duplicated";
    }

    @Override
    public int defaultEvents() {
        return 400;
    }

    @Override
    public Map<String, Object> processorSettings() {
        return Map.of("timeoutSeconds", DeathMidBatch.TIMEOUT_SECONDS, "batchingWindowSeconds", 3);
    }

    @Override
    public boolean usesAgent() {
        return true;
    }

    @Override
    public LocalOptions configure(LocalOptions options, ChaosOptions chaos, AtomicLong repeatedInvocations) {
        AgentFault fault = AgentFault.stall(
                        "PublishBatch",
                        2,
                        chaos.agentProbability().orElse(PROBABILITY),
                        Duration.ofSeconds(DeathMidBatch.TIMEOUT_SECONDS + 5),
                        chaos.seed())
                .limitedTo(chaos.agentMaxFaults(), options.workDirectory().resolve(DeathMidBatch.BUDGET));
        return options.withInstrumentation(
                options.instrumentation().withFunctionCode(AgentFault.jar(chaos.home()), fault.environment()));
    }

    @Override
    public Duration quiet() {
        return Duration.ofSeconds(3L * DeathMidBatch.TIMEOUT_SECONDS + 5);
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        return DeathMidBatch.verdict(evidence, "sleep", "the function timed out mid-batch");
    }
}
