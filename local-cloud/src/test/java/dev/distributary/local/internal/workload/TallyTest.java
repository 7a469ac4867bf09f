package dev.distributary.local.internal.workload;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static dev.distributary.local.workload.Runs.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Runs;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The judge of every end-to-end proof, on hand-built runs: each kind of failure is flagged and named, and a good run passes. */
class TallyTest {
    private static final Change INSERTED = change(US, "a", Operation.INSERT, 1);
    private static final Change MODIFIED = change(US, "a", Operation.MODIFY, 2);
    private static final List<Change> CHANGES = List.of(INSERTED, MODIFIED);

    /** What the rules call for: billing and order-cache in the writing region, order-cache's replica copy in the other. */
    private static List<Delivery> everyExpected() {
        List<Delivery> deliveries = new ArrayList<>();
        for (Change change : CHANGES) {
            deliveries.add(delivery("billing", US, change));
            deliveries.add(delivery("order-cache", US, change));
            deliveries.add(delivery("order-cache", EU, change));
        }
        return deliveries;
    }

    private static List<Delivery> with(List<Delivery> deliveries, Delivery extra) {
        List<Delivery> all = new ArrayList<>(deliveries);
        all.add(extra);
        return all;
    }

    @Nested
    class ExactlyOnce {
        private final Topology topology = Runs.multiWriter();

        @Test
        void everyExpectedDeliveryOnce_isClean() {
            Tally tally = Tally.exactlyOnce(topology, CHANGES, everyExpected());

            assertThat(tally.clean()).isTrue();
            assertThat(tally.expected()).isEqualTo(6);
            assertThat(tally.delivered()).isEqualTo(6);
            assertThat(tally.describe())
                    .isEqualTo(
                            "6 of 6 expected deliveries arrived; 0 lost, 0 duplicated, 0 unexpected, 0 outside their class's regions");
        }

        @Test
        void oneDeliveryMissing_isLost_andNamed() {
            List<Delivery> deliveries = new ArrayList<>(everyExpected());
            deliveries.remove(delivery("order-cache", EU, MODIFIED));

            Tally tally = Tally.exactlyOnce(topology, CHANGES, deliveries);

            assertThat(tally.clean()).isFalse();
            assertThat(tally.lost()).isEqualTo(1);
            assertThat(tally.describe())
                    .startsWith("5 of 6 expected deliveries arrived; 1 lost, 0 duplicated, 0 unexpected")
                    .contains("lost order-cache@eu-west-1|orders|pk=a|modify|2");
        }

        @Test
        void oneDeliveryTwice_isDuplicated_andNamed() {
            Tally tally =
                    Tally.exactlyOnce(topology, CHANGES, with(everyExpected(), delivery("billing", US, INSERTED)));

            assertThat(tally.clean()).isFalse();
            assertThat(tally.duplicated()).isEqualTo(1);
            assertThat(tally.lost()).isZero();
            assertThat(tally.describe())
                    .contains("1 duplicated")
                    .contains("twice billing@us-east-1|orders|pk=a|insert|1");
        }

        @Test
        void aDeliveryOutsideItsClassesRegions_isLeaked_andUnexpected() {
            Change personal = change(EU, "p", Operation.INSERT, 1, "eu-personal");
            List<Delivery> deliveries = List.of(
                    delivery("billing", EU, personal),
                    delivery("order-cache", EU, personal),
                    delivery("order-cache", US, personal));

            Tally tally = Tally.exactlyOnce(topology, List.of(personal), deliveries);

            assertThat(tally.clean()).isFalse();
            assertThat(tally.leaked()).isEqualTo(1);
            assertThat(tally.unexpected()).isEqualTo(1);
            assertThat(tally.describe())
                    .contains("1 outside their class's regions")
                    .contains("unexpected order-cache@us-east-1|orders|pk=p|insert|1");
        }

        @Test
        void aLeakWhoseEnvelopeClaimsAPermittedClass_isStillLeaked() {
            Change personal = change(EU, "p", Operation.INSERT, 1, "eu-personal");
            List<Delivery> deliveries = List.of(
                    delivery("billing", EU, personal),
                    delivery("order-cache", EU, personal),
                    delivery("order-cache", US, personal, Operation.INSERT, "public"));

            Tally tally = Tally.exactlyOnce(topology, List.of(personal), deliveries);

            assertThat(tally.leaked()).isEqualTo(1);
            assertThat(tally.clean()).isFalse();
        }

        @Test
        void aDeliveryTheRulesDoNotCallFor_isUnexpected_andNamed() {
            Tally tally =
                    Tally.exactlyOnce(topology, CHANGES, with(everyExpected(), delivery("billing", EU, INSERTED)));

            assertThat(tally.clean()).isFalse();
            assertThat(tally.unexpected()).isEqualTo(1);
            assertThat(tally.leaked()).isZero();
            assertThat(tally.describe())
                    .contains("1 unexpected")
                    .contains("unexpected billing@eu-west-1|orders|pk=a|insert|1");
        }

        @Test
        void aChangeNobodyWrote_isUnexpected() {
            Tally tally = Tally.exactlyOnce(
                    topology,
                    CHANGES,
                    with(everyExpected(), delivery("order-cache", US, change(US, "ghost", Operation.INSERT, 1))));

            assertThat(tally.unexpected()).isEqualTo(1);
            assertThat(tally.describe()).contains("unexpected order-cache@us-east-1|orders|pk=ghost|insert|1");
        }

        @Test
        void anItemsVersionsReversedInOneQueue_onAFifoFanout_isOutOfOrder_andNamed() {
            List<Delivery> deliveries = new ArrayList<>(everyExpected());
            deliveries.remove(delivery("order-cache", US, INSERTED));
            deliveries.add(delivery("order-cache", US, INSERTED));

            Tally tally = Tally.exactlyOnce(Runs.fifo(), CHANGES, deliveries);

            assertThat(tally.clean()).isFalse();
            assertThat(tally.outOfOrder()).isEqualTo(1);
            assertThat(tally.lost() + tally.duplicated() + tally.unexpected()).isZero();
            assertThat(tally.describe())
                    .contains("1 out of per-item order")
                    .contains("out of order order-cache@us-east-1|orders|pk=a|live|1 after orders|pk=a|live|2");
        }

        @Test
        void everyExpectedDeliveryInOrder_onAFifoFanout_isClean() {
            Tally tally = Tally.exactlyOnce(Runs.fifo(), CHANGES, everyExpected());

            assertThat(tally.clean()).isTrue();
            assertThat(tally.describe()).contains("0 out of per-item order");
        }

        @Test
        void aTombstoneBeforeTheVersionItDeleted_onAFifoFanout_isOutOfOrder() {
            Change deleted = change(US, "a", Operation.TOMBSTONE, 2);
            List<Change> changes = List.of(INSERTED, MODIFIED, deleted);
            List<Delivery> deliveries = List.of(
                    delivery("order-cache", US, INSERTED),
                    delivery("order-cache", US, deleted),
                    delivery("order-cache", US, MODIFIED));

            Tally tally = Tally.exactlyOnce(Runs.fifo(), changes, deliveries);

            assertThat(tally.outOfOrder()).isEqualTo(1);
            assertThat(tally.describe())
                    .contains("out of order order-cache@us-east-1|orders|pk=a|live|2 after orders|pk=a|tombstone|2");
        }

        @Test
        void anOlderVersionDeliveredAgain_onAFifoFanout_isADuplicate_notDisorder() {
            Tally tally = Tally.exactlyOnce(
                    Runs.fifo(), CHANGES, with(everyExpected(), delivery("order-cache", US, INSERTED)));

            assertThat(tally.duplicated()).isEqualTo(1);
            assertThat(tally.outOfOrder()).isZero();
        }

        @Test
        void versionsReversed_onAStandardFanout_areNotJudged_forItPromisesNoOrder() {
            List<Delivery> deliveries = new ArrayList<>(everyExpected());
            deliveries.remove(delivery("order-cache", US, INSERTED));
            deliveries.add(delivery("order-cache", US, INSERTED));

            Tally tally = Tally.exactlyOnce(topology, CHANGES, deliveries);

            assertThat(tally.orderPromised()).isFalse();
            assertThat(tally.outOfOrder()).isZero();
            assertThat(tally.clean()).isTrue();
            assertThat(tally.describe()).doesNotContain("order");
        }
    }

    /** Replication that may reorder copies: exactly once where written; elsewhere each version at most once and the last one surely. */
    @Nested
    class Converging {
        private final Topology topology = Runs.multiWriter();

        private List<Delivery> localOnceAndTheLastReplica() {
            return List.of(
                    delivery("billing", US, INSERTED),
                    delivery("order-cache", US, INSERTED),
                    delivery("billing", US, MODIFIED),
                    delivery("order-cache", US, MODIFIED),
                    delivery("order-cache", EU, MODIFIED));
        }

        @Test
        void everyLocalDeliveryOnce_andTheLastVersionReplicated_isClean() {
            Tally tally = Tally.converging(topology, CHANGES, localOnceAndTheLastReplica());

            assertThat(tally.clean()).isTrue();
            assertThat(tally.expected()).isEqualTo(5);
            assertThat(tally.describe()).startsWith("5 of 5 expected deliveries arrived; 0 lost");
        }

        @Test
        void aReplicaOfAModifyThatArrivedFirst_showingAsAnInsert_countsAsItsVersion() {
            List<Delivery> deliveries = new ArrayList<>(localOnceAndTheLastReplica());
            deliveries.set(4, delivery("order-cache", EU, MODIFIED, Operation.INSERT, "public"));

            assertThat(Tally.converging(topology, CHANGES, deliveries).clean()).isTrue();
        }

        @Test
        void theLastVersionNeverReplicated_isLost_andNamed() {
            List<Delivery> deliveries = new ArrayList<>(localOnceAndTheLastReplica());
            deliveries.set(4, delivery("order-cache", EU, INSERTED));

            Tally tally = Tally.converging(topology, CHANGES, deliveries);

            assertThat(tally.clean()).isFalse();
            assertThat(tally.lost()).isEqualTo(1);
            assertThat(tally.describe()).contains("1 lost").contains("lost order-cache@eu-west-1|orders|pk=a|live|2");
        }

        @Test
        void aLocalDeliveryMissing_isLost() {
            List<Delivery> deliveries = new ArrayList<>(localOnceAndTheLastReplica());
            deliveries.remove(delivery("billing", US, INSERTED));

            Tally tally = Tally.converging(topology, CHANGES, deliveries);

            assertThat(tally.lost()).isEqualTo(1);
            assertThat(tally.describe()).contains("lost billing@us-east-1|orders|pk=a|live|1");
        }

        @Test
        void aReplicaVersionTwice_isDuplicated_andNamed() {
            Tally tally = Tally.converging(
                    topology, CHANGES, with(localOnceAndTheLastReplica(), delivery("order-cache", EU, MODIFIED)));

            assertThat(tally.clean()).isFalse();
            assertThat(tally.duplicated()).isEqualTo(1);
            assertThat(tally.describe()).contains("twice order-cache@eu-west-1|orders|pk=a|live|2");
        }

        @Test
        void aVersionNeverWritten_isUnexpected_andNamed() {
            Tally tally = Tally.converging(
                    topology,
                    CHANGES,
                    with(
                            localOnceAndTheLastReplica(),
                            delivery("order-cache", EU, change(US, "a", Operation.MODIFY, 3))));

            assertThat(tally.clean()).isFalse();
            assertThat(tally.unexpected()).isEqualTo(1);
            assertThat(tally.describe()).contains("unexpected order-cache@eu-west-1|orders|pk=a|live|3");
        }

        @Test
        void aReplicaOutsideItsClassesRegions_isLeaked() {
            Change personal = change(EU, "p", Operation.INSERT, 1, "eu-personal");
            List<Delivery> deliveries = List.of(
                    delivery("billing", EU, personal),
                    delivery("order-cache", EU, personal),
                    delivery("order-cache", US, personal, Operation.INSERT, "public"));

            Tally tally = Tally.converging(topology, List.of(personal), deliveries);

            assertThat(tally.clean()).isFalse();
            assertThat(tally.leaked()).isEqualTo(1);
            assertThat(tally.describe())
                    .contains("1 outside their class's regions")
                    .contains("unexpected order-cache@us-east-1|orders|pk=p|live|1");
        }

        @Test
        void replicaVersionsReversed_onAFifoFanout_isOutOfOrder() {
            List<Delivery> deliveries = with(localOnceAndTheLastReplica(), delivery("order-cache", EU, INSERTED));

            Tally tally = Tally.converging(Runs.fifo(), CHANGES, deliveries);

            assertThat(tally.clean()).isFalse();
            assertThat(tally.outOfOrder()).isEqualTo(1);
            assertThat(tally.describe())
                    .contains("out of order order-cache@eu-west-1|orders|pk=a|live|1 after orders|pk=a|live|2");
        }
    }
}
