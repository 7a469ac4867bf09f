package dev.distributary.benchmarks.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.distributary.local.LocalOptions;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both designs on the local platform (moto), small: the accounting counts what each design does. */
@Tag("e2e")
class AccountingRunTest {
    private static final Path PLATFORM = Path.of("..", "platform.yaml");

    private static CallAccount distributary;
    private static CallAccount naive;

    @BeforeAll
    static void runBothDesigns(@TempDir Path work) throws Exception {
        LocalOptions base = LocalOptions.defaults(
                TopologyLoader.load(PLATFORM),
                Files.readString(PLATFORM),
                Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR),
                work);
        AccountingRun run = new AccountingRun(base, Path.of("target", "classes"), line -> {});
        distributary = run.run(ComparedDesign.DISTRIBUTARY, 10, 60, 20);
        naive = run.run(ComparedDesign.NAIVE, 10, 60, 20);
    }

    @Test
    void bothDesigns_deliverEverythingTheyShould() {
        assertThat(distributary.complete()).isTrue();
        assertThat(naive.complete()).isTrue();
        assertThat(distributary.events()).isEqualTo(60);
        assertThat(naive.events()).isEqualTo(60);
    }

    @Test
    void naiveDesign_publishesEachInvokedRecordWithItsOwnRequest_andKeepsNoIdempotencyRecords() {
        assertThat(naive.snsRequests()).isCloseTo(naive.invokedRecords(), within(1e-9));
        assertThat(naive.idempotencyRequests()).isZero();
    }

    @Test
    void distributary_publishesABatchPerInvocation_andWritesItsCheckpointOncePerChunk() {
        // With batches of at most ten records and one topic, each invocation that carries records makes exactly one
        // PublishBatch, and the checkpoint ledger one conditional write after it (the shipped platform's ledger). The
        // ledger's 15-minute tumbling windows are aligned to the clock: a run that crosses a window's end sees each
        // shard's final invocation, which carries no records and publishes nothing.
        assertThat(distributary.snsRequests())
                .isCloseTo(distributary.lambdaInvocations() - distributary.finalInvocations(), within(1e-9));
        assertThat(distributary.idempotencyWrites()).isCloseTo(distributary.snsRequests(), within(1e-9));
        assertThat(distributary.idempotencyWritesPerRecord()).isLessThan(1);
    }

    @Test
    void naiveDesign_cannotTellReplicasFromLocalWrites_soOriginLocalConsumersReceiveChangesInEveryRegion() {
        assertThat(naive.deliveries()).isGreaterThan(distributary.deliveries());
    }

    @Test
    void naiveDesign_hasNoEventFilter_soTheFunctionSeesEveryRegionsCopyOfEveryWrite() {
        // each write is one record in its own region's stream and one in each region replication copied it into
        assertThat(naive.invokedRecords()).isCloseTo(1 + naive.replicatedWrites(), within(0.1));
    }

    @Test
    void replication_copiesEachWriteIntoTheOtherReplicaRegions_inBothDesigns() {
        assertThat(distributary.replicatedWrites()).isGreaterThan(0);
        assertThat(naive.replicatedWrites()).isGreaterThan(0);
    }
}
