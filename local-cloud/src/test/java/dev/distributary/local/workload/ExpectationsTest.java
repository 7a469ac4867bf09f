package dev.distributary.local.workload;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.TopologyLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ground truth is worked out from the platform's rules: each rule takes deliveries away where it must. */
class ExpectationsTest {

    private static List<String> queues(List<Expectations.Expected> expected) {
        return expected.stream()
                .map(e -> e.consumer() + "@" + e.region() + " " + e.kind())
                .toList();
    }

    @Test
    void aPublicInsert_inMultiWriterMode_isExpectedLocallyByEveryConsumer_andAsAReplicaByTheOnesThatTakeReplicas() {
        List<Expectations.Expected> expected =
                Expectations.of(Runs.multiWriter(), List.of(change(US, "a", Operation.INSERT, 1)));

        assertThat(queues(expected))
                .containsExactlyInAnyOrder(
                        "billing@us-east-1 LOCAL", "order-cache@us-east-1 LOCAL", "order-cache@eu-west-1 REPLICA");
        assertThat(expected.get(0).key()).endsWith("|orders|pk=a|insert|1");
    }

    @Test
    void aClassPermittedInOneRegion_isExpectedNowhereElse() {
        List<Expectations.Expected> expected =
                Expectations.of(Runs.multiWriter(), List.of(change(EU, "p", Operation.INSERT, 1, "eu-personal")));

        assertThat(queues(expected))
                .containsExactlyInAnyOrder("billing@eu-west-1 LOCAL", "order-cache@eu-west-1 LOCAL");
    }

    @Test
    void aClassNoZoneNames_isExpectedNowhere() {
        assertThat(Expectations.of(
                        Runs.multiWriter(), List.of(change(US, "u", Operation.INSERT, 1, Workload.UNLISTED_CLASS))))
                .isEmpty();
    }

    @Test
    void aTombstone_isNotExpectedByAConsumerOfInsertsAndModifiesOnly() {
        List<Expectations.Expected> expected =
                Expectations.of(Runs.multiWriter(), List.of(change(US, "a", Operation.TOMBSTONE, 1)));

        assertThat(queues(expected))
                .containsExactlyInAnyOrder("order-cache@us-east-1 LOCAL", "order-cache@eu-west-1 REPLICA");
    }

    @Test
    void inPrimaryRegionMode_thePrimaryPublishesToEveryPermittedRegion_asLocal() {
        List<Expectations.Expected> expected = Expectations.of(
                Runs.platform("primary-region", "standard"), List.of(change(US, "a", Operation.INSERT, 1)));

        assertThat(queues(expected))
                .containsExactlyInAnyOrder(
                        "billing@us-east-1 LOCAL",
                        "order-cache@us-east-1 LOCAL",
                        "billing@eu-west-1 LOCAL",
                        "order-cache@eu-west-1 LOCAL");
    }

    @Test
    void aConsumersAttributeFilter_takesOnlyTheValuesItNames() {
        var topology = TopologyLoader.parse("""
                name: filtered
                regions: [us-east-1]
                tables:
                  - name: orders
                    partitionKey: {name: pk, type: S}
                fanout:
                  consumers:
                    - name: paid
                      tables: [orders]
                      filters: {status: [PAID]}
                """, "filtered.yaml");
        Change placed = change(US, "a", Operation.INSERT, 1);
        Change paid = new Change("orders", US, "pk=b", Operation.INSERT, 1, "public", Map.of("status", "PAID"), 0);

        assertThat(Expectations.of(topology, List.of(placed, paid)))
                .extracting(e -> e.change().subject())
                .containsExactly("pk=b");
        assertThat(Expectations.accepts(topology.consumersIn(US).get(0), placed, OriginKind.LOCAL))
                .isFalse();
    }
}
