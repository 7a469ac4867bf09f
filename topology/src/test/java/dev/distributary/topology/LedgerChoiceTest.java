package dev.distributary.topology;

import static dev.distributary.topology.Platforms.baseWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which publish ledger a platform gets, and the settings that follow from it. */
class LedgerChoiceTest {

    private static ProcessorSettings processor(String yaml) {
        return TopologyLoader.parse(yaml, "platform.yaml").processor();
    }

    @Test
    void parallelizationFactorOne_withoutAChoice_getsTheCheckpointLedger_andItsTumblingWindow() {
        ProcessorSettings settings =
                processor(baseWith("batchSize: 100", "batchSize: 100\n  parallelizationFactor: 1"));

        assertThat(settings.ledger()).isEqualTo(IdempotencyLedger.CHECKPOINT);
        assertThat(settings.ledgerReason()).startsWith("the default with parallelizationFactor 1");
        assertThat(settings.tumblingWindowSeconds()).isEqualTo(900);
    }

    @Test
    void higherFactor_withoutAChoice_getsThePerRecordLedger_withoutAWindow() {
        ProcessorSettings settings =
                processor(baseWith("batchSize: 100", "batchSize: 100\n  parallelizationFactor: 4"));

        assertThat(settings.ledger()).isEqualTo(IdempotencyLedger.PER_RECORD);
        assertThat(settings.ledgerReason()).contains("parallelizationFactor 4");
        assertThat(settings.tumblingWindowSeconds()).isZero();
    }

    @Test
    void explicitPerRecord_atFactorOne_isKept() {
        ProcessorSettings settings = processor(baseWith("batchSize: 100", "batchSize: 100\n  idempotency: per-record"));

        assertThat(settings.ledger()).isEqualTo(IdempotencyLedger.PER_RECORD);
        assertThat(settings.ledgerReason()).isEqualTo("as processor.idempotency asks");
    }
}
