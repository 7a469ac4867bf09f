package dev.distributary.local.chaos;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static dev.distributary.local.workload.Runs.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The residency scenario's verdict on hand-built evidence: an {@code eu-personal} order written in
 * us-east-1 (around the writer) must be blocked there, quarantined once without its values and
 * counted, and reach eu-west-1 only.
 */
class RandomResidencyVerdictTest {
    private static final Change PERSONAL = change(US, "p", Operation.INSERT, 1, "eu-personal");
    private static final List<Delivery> PERMITTED = List.of(delivery("order-cache", EU, PERSONAL));
    private static final String REASON = "residency: class eu-personal may not be held in us-east-1";
    private static final QuarantinedRecord BLOCKED =
            new QuarantinedRecord(US, REASON, MissingNode.getInstance(), "orders", "pk=p", "e-1", true);

    private static Scenario.Verdict verdict(
            List<Delivery> deliveries, List<QuarantinedRecord> quarantine, double counted) {
        Evidence evidence = new Evidence(
                Runs.multiWriter(),
                new Written(List.of(PERSONAL), List.of(), List.of(), List.of()),
                List.of(),
                deliveries,
                quarantine,
                Map.of("ResidencyBlocked", counted),
                Map.of(),
                Map.of(),
                Map.of(),
                new MappingMetrics.Snapshot(2, 0, 2, 0, 0, 0, 2, 0, 0),
                List.of(),
                0,
                0);
        return new RandomResidency().evaluate(evidence, null);
    }

    private static List<String> failed(Scenario.Verdict verdict) {
        return verdict.checks().stream()
                .filter(c -> !c.passed())
                .map(c -> c.name() + ": " + c.detail())
                .toList();
    }

    @Test
    void blockedQuarantinedWithheldAndCounted_passes() {
        assertThat(verdict(PERMITTED, List.of(BLOCKED), 1).passed()).isTrue();
    }

    @Test
    void aDeliveryInTheForbiddenRegion_failsAsALeak() {
        Scenario.Verdict verdict = verdict(
                List.of(delivery("order-cache", EU, PERSONAL), delivery("billing", US, PERSONAL)), List.of(BLOCKED), 1);

        assertThat(verdict.leaked()).isEqualTo(1);
        assertThat(failed(verdict))
                .contains(
                        "no delivery outside the permitted regions: 1 deliveries in a region their class may not reach");
    }

    @Test
    void aBlockNeverQuarantined_failsAsMissing() {
        Scenario.Verdict verdict = verdict(PERMITTED, List.of(), 1);

        assertThat(verdict.lost()).isEqualTo(1);
        assertThat(failed(verdict))
                .containsExactly("each block quarantined for residency by each processor that saw it, once: "
                        + "1 blocks, 0 quarantined: 1 missing, 0 twice, 0 not expected, 0 for other reasons");
    }

    @Test
    void aBlockQuarantinedTwice_fails() {
        Scenario.Verdict verdict = verdict(PERMITTED, List.of(BLOCKED, BLOCKED), 1);

        assertThat(verdict.duplicated()).isEqualTo(1);
        assertThat(failed(verdict)).singleElement().asString().contains("0 missing, 1 twice");
    }

    @Test
    void aBlockCarryingTheRecord_failsAsAValueHeldWhereItMayNotBe() {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.putObject("dynamodb")
                .putObject("NewImage")
                .putObject("dataClass")
                .put("S", "eu-personal");
        QuarantinedRecord carried = new QuarantinedRecord(US, REASON, record, "orders", "pk=p", "e-1", false);

        Scenario.Verdict verdict = verdict(PERMITTED, List.of(carried), 1);

        assertThat(verdict.leaked()).isEqualTo(1);
        assertThat(failed(verdict))
                .containsExactly(
                        "no quarantine message carries attribute values its region may not hold: 1 do, the first in us-east-1: "
                                + REASON);
    }

    @Test
    void aBlockNotCounted_fails() {
        assertThat(failed(verdict(PERMITTED, List.of(BLOCKED), 0)))
                .containsExactly("each block counted (ResidencyBlocked): ResidencyBlocked 0, 1 expected");
    }
}
