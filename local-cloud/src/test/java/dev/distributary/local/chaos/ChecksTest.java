package dev.distributary.local.chaos;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.workload.Runs;
import dev.distributary.local.workload.Workload;
import dev.distributary.local.workload.Written;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks the chaos scenarios share, and the poison-record judge: each fails on the failure it is there for, naming it. */
class ChecksTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final MappingMetrics.Snapshot QUIET = new MappingMetrics.Snapshot(10, 0, 10, 0, 0, 0, 2, 0, 0);

    private static ObjectNode poisonImage(String payload) {
        ObjectNode image = JSON.objectNode();
        image.putObject("pk").put("S", "poison-3");
        image.putObject("payload").put("S", payload);
        return image;
    }

    private static final Workload.Poison POISON =
            new Workload.Poison("orders", US, "pk=poison-3", poisonImage("poison record 3"), 2);

    private static QuarantinedRecord quarantined(String region, String subject, String reason, JsonNode image) {
        ObjectNode record = JSON.objectNode();
        record.putObject("dynamodb").set("NewImage", image);
        return new QuarantinedRecord(region, reason, record, "orders", subject, "e-1", false);
    }

    private static QuarantinedRecord poisonIn(String region) {
        return quarantined(
                region, "pk=poison-3", "unclassifiable: origin stamp is not a string", poisonImage("poison record 3"));
    }

    private static Evidence evidence(
            List<String> failures,
            List<QuarantinedRecord> quarantine,
            MappingMetrics.Snapshot mappings,
            List<ShardPosition> shards) {
        return new Evidence(
                Runs.multiWriter(),
                new Written(List.of(), List.of(POISON), failures, List.of()),
                List.of(),
                List.of(),
                quarantine,
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                mappings,
                shards,
                0,
                0);
    }

    private static Evidence quarantine(QuarantinedRecord... messages) {
        return evidence(List.of(), List.of(messages), QUIET, List.of());
    }

    @Test
    void everyShardCaughtUp_passes_butNoShardAtAll_provesNothing_andFails() {
        ShardPosition done = new ShardPosition(US, "orders", "shard-1", Optional.of("200"), Optional.of("200"));

        assertThat(Checks.caughtUp(List.of(done)).passed()).isTrue();
        assertThat(Checks.caughtUp(List.of()).passed()).isFalse();
    }

    @Test
    void aShardBehindItsLastRecord_failsCaughtUp_namingIt() {
        ShardPosition behind = new ShardPosition(EU, "orders", "shard-1", Optional.of("100"), Optional.of("200"));

        Check check = Checks.caughtUp(List.of(behind));

        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).isEqualTo("1 behind: eu-west-1 orders shard-1: checkpoint 100, last record 200");
    }

    @Test
    void aRecordSentToTheOnFailureDestination_failsNothingDiscarded() {
        Check check = Checks.nothingDiscarded(new MappingMetrics.Snapshot(10, 0, 10, 3, 1, 1, 4, 0, 0));

        assertThat(check.passed()).isFalse();
        assertThat(check.detail())
                .isEqualTo(
                        "1 records sent to the on-failure destination; 3 record invocations failed and were retried");
        assertThat(Checks.nothingDiscarded(QUIET).passed()).isTrue();
    }

    @Test
    void aQuarantineMessage_failsNothingQuarantined_namingItsReason() {
        Check check = Checks.nothingQuarantined(quarantine(poisonIn(US)));

        assertThat(check.passed()).isFalse();
        assertThat(check.detail())
                .isEqualTo("1 quarantine messages, the first: unclassifiable: origin stamp is not a string");
        assertThat(Checks.nothingQuarantined(quarantine()).passed()).isTrue();
    }

    @Test
    void aFailedWrite_failsEveryWriteSucceeded_namingIt() {
        Check check = Checks.writes(
                new Written(List.of(), List.of(), List.of("SdkClientException: connection reset"), List.of()));

        assertThat(check.passed()).isFalse();
        assertThat(check.detail()).isEqualTo("1 writes failed, the first: SdkClientException: connection reset");
    }

    @Test
    void aPoisonRecordQuarantinedByEveryProcessorOnce_withItsPayload_passes() {
        PoisonRecords.PoisonCount count = PoisonRecords.count(quarantine(poisonIn(US), poisonIn(EU)));

        assertThat(count.check().passed()).isTrue();
        assertThat(count.check().detail()).isEqualTo("2 of 2 quarantine messages");
    }

    @Test
    void aPoisonRecordOneProcessorMissed_failsAsMissing() {
        PoisonRecords.PoisonCount count = PoisonRecords.count(quarantine(poisonIn(US)));

        assertThat(count.check().passed()).isFalse();
        assertThat(count.missing()).isEqualTo(1);
        assertThat(count.check().detail())
                .isEqualTo("1 of 2 quarantine messages; pk=poison-3 in orders quarantined 1 times, 2 expected");
    }

    @Test
    void aPoisonRecordQuarantinedTwiceByOneProcessor_failsAsExtra() {
        PoisonRecords.PoisonCount count = PoisonRecords.count(quarantine(poisonIn(US), poisonIn(US), poisonIn(EU)));

        assertThat(count.check().passed()).isFalse();
        assertThat(count.extra()).isEqualTo(1);
        assertThat(count.problems()).contains("pk=poison-3 quarantined twice by one processor");
    }

    @Test
    void aQuarantineMessageWithoutTheFullPayload_fails() {
        QuarantinedRecord cut = quarantined(
                EU, "pk=poison-3", "unclassifiable: origin stamp is not a string", poisonImage("poison rec"));

        PoisonRecords.PoisonCount count = PoisonRecords.count(quarantine(poisonIn(US), cut));

        assertThat(count.check().passed()).isFalse();
        assertThat(count.problems())
                .containsExactly(
                        "pk=poison-3: the quarantine message in eu-west-1 does not carry the record's full payload");
    }

    @Test
    void aPoisonRecordQuarantinedForAnotherReason_fails() {
        QuarantinedRecord wrong =
                quarantined(EU, "pk=poison-3", "residency: class not permitted", poisonImage("poison record 3"));

        PoisonRecords.PoisonCount count = PoisonRecords.count(quarantine(poisonIn(US), wrong));

        assertThat(count.check().passed()).isFalse();
        assertThat(count.problems()).containsExactly("pk=poison-3 quarantined for 'residency: class not permitted'");
    }

    @Test
    void anotherRecordInQuarantine_failsAsExtra_namingItsRegionAndReason() {
        QuarantinedRecord other = quarantined(US, "pk=a", "residency: class not permitted", poisonImage("x"));

        PoisonRecords.PoisonCount count = PoisonRecords.count(quarantine(poisonIn(US), poisonIn(EU), other));

        assertThat(count.check().passed()).isFalse();
        assertThat(count.extra()).isEqualTo(1);
        assertThat(count.problems())
                .containsExactly(
                        "1 other records quarantined, the first in us-east-1 for 'residency: class not permitted'");
    }
}
