package dev.distributary.local.chaos;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static dev.distributary.local.workload.Runs.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.Operation;
import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Runs;
import dev.distributary.local.workload.Written;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The malformed-records scenario's verdict on hand-built evidence: each way its planted records can go wrong fails it. */
class MalformedRecordsVerdictTest {
    private static final Change ORDINARY = change(US, "a", Operation.INSERT, 1);
    private static final Planted BAD_STAMP =
            Planted.quarantined("an origin stamp that is a number", "orders", US, "pk=bad", 1, "unclassifiable:");
    private static final Planted HUGE = Planted.truncated("an item too large for SNS", "orders", US, "pk=huge", 1);
    private static final Delivery HUGE_DELIVERED = delivery("billing", US, change(US, "huge", Operation.INSERT, 1));

    private static QuarantinedRecord quarantined(String subject, String reason) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.putObject("dynamodb").putObject("NewImage").putObject("pk").put("S", subject.substring(3));
        return new QuarantinedRecord(US, reason, record, "orders", subject, "e-" + subject, false);
    }

    private static Scenario.Verdict verdict(List<Planted> planted, List<QuarantinedRecord> quarantine, Delivery huge) {
        List<Delivery> deliveries = new ArrayList<>(List.of(
                delivery("billing", US, ORDINARY),
                delivery("order-cache", US, ORDINARY),
                delivery("order-cache", EU, ORDINARY)));
        deliveries.add(huge);
        Evidence evidence = new Evidence(
                Runs.multiWriter(),
                new Written(List.of(ORDINARY), List.of(), List.of(), List.of()),
                planted,
                deliveries,
                quarantine,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                new MappingMetrics.Snapshot(5, 0, 5, 0, 0, 0, 2, 0, 0),
                List.of(),
                0,
                0);
        return new MalformedRecords().evaluate(evidence, null);
    }

    private static String firstCheck(Scenario.Verdict verdict) {
        Check check = verdict.checks().get(0);
        assertThat(check.passed()).as(check.detail()).isFalse();
        return check.detail();
    }

    @Test
    void eachPlantedRecordHandledAsItMustBe_passes() {
        Scenario.Verdict verdict = verdict(
                List.of(BAD_STAMP, HUGE),
                List.of(quarantined("pk=bad", "unclassifiable: origin")),
                Runs.truncated(HUGE_DELIVERED));

        assertThat(verdict.passed()).as(verdict.checks().toString()).isTrue();
    }

    @Test
    void nothingPlanted_provesNothing_andFails() {
        assertThat(firstCheck(verdict(List.of(), List.of(), Runs.truncated(HUGE_DELIVERED))))
                .startsWith("no malformed record was planted");
    }

    @Test
    void aRecordQuarantinedForAnotherReason_fails() {
        assertThat(firstCheck(verdict(
                        List.of(BAD_STAMP, HUGE),
                        List.of(quarantined("pk=bad", "transient: throttled")),
                        Runs.truncated(HUGE_DELIVERED))))
                .isEqualTo(
                        "an origin stamp that is a number: quarantined for 'transient: throttled', expected unclassifiable:");
    }

    @Test
    void aRecordNeverQuarantined_failsAndCountsAsLost() {
        Scenario.Verdict verdict = verdict(List.of(BAD_STAMP, HUGE), List.of(), Runs.truncated(HUGE_DELIVERED));

        assertThat(firstCheck(verdict)).isEqualTo("an origin stamp that is a number: quarantined 0 times, 1 expected");
        assertThat(verdict.lost()).isEqualTo(1);
    }

    @Test
    void theOversizedItemDeliveredInFull_fails() {
        assertThat(firstCheck(verdict(
                        List.of(BAD_STAMP, HUGE),
                        List.of(quarantined("pk=bad", "unclassifiable: origin")),
                        HUGE_DELIVERED)))
                .isEqualTo("an item too large for SNS: delivered in full to billing@us-east-1, which SNS cannot carry");
    }

    @Test
    void anOrdinaryRecordQuarantined_fails() {
        assertThat(firstCheck(verdict(
                        List.of(BAD_STAMP, HUGE),
                        List.of(
                                quarantined("pk=bad", "unclassifiable: origin"),
                                quarantined("pk=a", "unclassifiable: origin")),
                        Runs.truncated(HUGE_DELIVERED))))
                .isEqualTo("1 records of the ordinary workload quarantined");
    }
}
