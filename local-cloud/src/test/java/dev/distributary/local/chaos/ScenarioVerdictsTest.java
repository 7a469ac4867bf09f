package dev.distributary.local.chaos;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static dev.distributary.local.workload.Runs.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Runs;
import dev.distributary.local.workload.Written;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenarios' verdicts on hand-built evidence: a run in which the scenario's fault never
 * happened proves nothing and fails, naming the check; a fault survived passes; a delivery lost
 * under the fault fails. (None of these verdicts reads the platform, so none is given one.)
 */
class ScenarioVerdictsTest {
    private static final Change INSERTED = change(US, "a", Operation.INSERT, 1);
    private static final List<Delivery> EVERY_EXPECTED = List.of(
            delivery("billing", US, INSERTED),
            delivery("order-cache", US, INSERTED),
            delivery("order-cache", EU, INSERTED));
    private static final MappingMetrics.Snapshot RETRIED = new MappingMetrics.Snapshot(3, 0, 3, 2, 0, 0, 4, 0, 0);

    private static Evidence evidence(
            List<Delivery> deliveries,
            Map<String, Long> agentFaults,
            Map<String, Map<String, Long>> injected,
            MappingMetrics.Snapshot mappings,
            long repeatedInvocations) {
        return new Evidence(
                Runs.multiWriter(),
                new Written(List.of(INSERTED), List.of(), List.of(), List.of()),
                List.of(),
                deliveries,
                List.of(),
                Map.of(),
                agentFaults,
                injected,
                Map.of("sns", Map.of("PublishBatch", 10L)),
                mappings,
                List.of(),
                repeatedInvocations,
                0);
    }

    private static List<String> failed(Scenario.Verdict verdict) {
        return verdict.checks().stream()
                .filter(c -> !c.passed())
                .map(c -> c.name() + ": " + c.detail())
                .toList();
    }

    @Test
    void snsThrottling_withoutAThrottle_fails_andWithThemPasses() {
        Map<String, Map<String, Long>> throttled = Map.of("sns", Map.of("PublishBatch", 3L));

        assertThat(failed(new SnsThrottling().evaluate(evidence(EVERY_EXPECTED, Map.of(), Map.of(), RETRIED, 0), null)))
                .containsExactly("the fault was injected: 0 of 10 PublishBatch calls throttled");
        assertThat(new SnsThrottling()
                        .evaluate(evidence(EVERY_EXPECTED, Map.of(), throttled, RETRIED, 0), null)
                        .passed())
                .isTrue();
    }

    @Test
    void snsThrottling_aDeliveryLostUnderTheFault_fails_andCountsIt() {
        Map<String, Map<String, Long>> throttled = Map.of("sns", Map.of("PublishBatch", 3L));

        Scenario.Verdict verdict = new SnsThrottling()
                .evaluate(evidence(EVERY_EXPECTED.subList(0, 2), Map.of(), throttled, RETRIED, 0), null);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.lost()).isEqualTo(1);
        assertThat(failed(verdict))
                .singleElement()
                .asString()
                .startsWith("every expected delivery exactly once, nothing else: 2 of 3");
    }

    @Test
    void storeFaults_withFaultsOnOnlyOneStore_fails() {
        Map<String, Map<String, Long>> tableOnly = Map.of("dynamodb", Map.of("PutItem", 4L));

        assertThat(failed(new StoreFaults().evaluate(evidence(EVERY_EXPECTED, Map.of(), tableOnly, RETRIED, 0), null)))
                .contains("the faults were injected: 4 idempotency-table calls and 0 quarantine sends failed");
    }

    @Test
    void duplicateBatches_withABatchInvokedOnce_fails() {
        assertThat(failed(new DuplicateBatches()
                        .evaluate(evidence(EVERY_EXPECTED, Map.of(), Map.of(), RETRIED, 3), null)))
                .containsExactly("every batch was delivered twice: 3 of 4 batches invoked a second time");
        assertThat(new DuplicateBatches()
                        .evaluate(evidence(EVERY_EXPECTED, Map.of(), Map.of(), RETRIED, 4), null)
                        .passed())
                .isTrue();
    }

    @Test
    void deathMidBatch_withoutADeath_fails_andWithOnePasses() {
        assertThat(failed(new DeathMidBatch().evaluate(evidence(EVERY_EXPECTED, Map.of(), Map.of(), RETRIED, 0), null)))
                .containsExactly(
                        "the function died mid-batch: 0 times, before the second PublishBatch of an invocation");
        assertThat(new DeathMidBatch()
                        .evaluate(evidence(EVERY_EXPECTED, Map.of("halt", 2L), Map.of(), RETRIED, 0), null)
                        .passed())
                .isTrue();
    }

    @Test
    void timeoutMidBatch_countsOnlyStalls_notDeaths() {
        assertThat(failed(new TimeoutMidBatch()
                        .evaluate(evidence(EVERY_EXPECTED, Map.of("halt", 2L), Map.of(), RETRIED, 0), null)))
                .containsExactly(
                        "the function timed out mid-batch: 0 times, before the second PublishBatch of an invocation");
    }
}
