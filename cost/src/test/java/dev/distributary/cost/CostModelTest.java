package dev.distributary.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Per-component figures for small platforms, computed by hand in each test's comment. Prices are the
 * shipped table's: WRU and rWRU $0.625/M, Lambda $0.20/M and $0.0000133334 per GB-s, SNS $0.50/M,
 * SQS $0.40/M (FIFO: SNS $0.30/M + $0.017/GB, deliveries $0.01/M + $0.001/GB, SQS $0.50/M).
 * Latencies: DynamoDB 5 ms, SNS 20 ms, CPU 0.025 ms per record; four polls a second.
 */
class CostModelTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final PriceTable PRICES = PriceTable.load();
    private static final CostModel MODEL = new CostModel(PRICES);

    private static Topology platform(String yaml) {
        return TopologyLoader.parse(yaml, "test.yaml");
    }

    private static CostEstimate estimate(String yaml, double writesPerSecond, double itemKb) {
        return MODEL.estimate(platform(yaml), new Workload(writesPerSecond, itemKb));
    }

    /** The platform with the per-record ledger (two writes per published record) instead of the checkpoint ledger. */
    private static String perRecord(String yaml) {
        return yaml.contains("processor: {")
                ? yaml.replace("processor: {", "processor: {idempotency: per-record, ")
                : yaml + "processor:\n  idempotency: per-record\n";
    }

    /** CloudWatch Logs, KB per event: each invoked record's measured log bytes plus Lambda's own lines per invocation. */
    private static double logKb(double recordsPerEvent, double invocationsPerEvent, Design design) {
        String perRecord =
                design == Design.DISTRIBUTARY ? "logs.bytes-per-record.distributary" : "logs.bytes-per-record.naive";
        return (recordsPerEvent * PRICES.assumption(perRecord).value()
                        + invocationsPerEvent
                                * PRICES.assumption("logs.platform-bytes-per-invocation")
                                        .value())
                / 1024;
    }

    private static double units(CostEstimate estimate, Design design, Component component) {
        return estimate.of(design).component(component).unitsPerEvent();
    }

    private static double dollars(CostEstimate estimate, Design design, Component component) {
        return estimate.of(design).component(component).usdPerMillion();
    }

    private static final String ONE_REGION = """
            regions: [us-east-1]
            tables:
              - name: orders
                partitionKey: {name: pk, type: S}
            fanout:
              consumers:
                - name: billing
                  tables: [orders]
            """;

    @Test
    void oneRegion_oneLocalConsumer_perRecordLedger_everyComponentMatchesTheHandComputation() {
        // 10 writes/s, 1 KB: a poll every 0.25 s carries 2.5 records, 4 invocations/s = 0.4 per event.
        CostEstimate estimate = estimate(perRecord(ONE_REGION), 10, 1);

        for (Design design : java.util.List.of(Design.DISTRIBUTARY, Design.NAIVE)) {
            assertThat(units(estimate, design, Component.TABLE_WRITES)).isCloseTo(1, EXACT);
            assertThat(units(estimate, design, Component.REPLICATED_WRITES)).isCloseTo(0, EXACT);
            assertThat(units(estimate, design, Component.LAMBDA_REQUESTS)).isCloseTo(0.4, EXACT);
            // 1 delivery per event: SNS's SendMessage 1 + receive 1/10 + delete 1/10 = 1.2 requests
            assertThat(units(estimate, design, Component.SQS)).isCloseTo(1.2, EXACT);
        }
        // Distributary: claim 5 ms + one PublishBatch 20 ms + one BatchWriteItem 5 ms + 2.5 x 0.025 ms = 30.06 -> 31 ms
        // billed, 1 GB
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_DURATION))
                .isCloseTo(0.4 * 0.031, EXACT);
        // naive: 2.5 Publish calls x 20 ms + 0.03 ms = 50.03 -> 51 ms
        assertThat(units(estimate, Design.NAIVE, Component.LAMBDA_DURATION)).isCloseTo(0.4 * 0.051, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.IDEMPOTENCY_WRITES)).isCloseTo(0, EXACT);
        // one PublishBatch (7.5 KB, one 64 KB chunk) per invocation against one Publish per record
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SNS)).isCloseTo(1, EXACT);

        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.TABLE_WRITES))
                .isCloseTo(0.625, EXACT);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.LAMBDA_REQUESTS))
                .isCloseTo(0.08, EXACT);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.LAMBDA_DURATION))
                .isCloseTo(0.0124 * 13.3334, within(1e-6));
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(1.25, EXACT);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(0.2, EXACT);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.SQS)).isCloseTo(0.48, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_READS))
                .isCloseTo(0, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LOGS))
                .isCloseTo(logKb(1, 0.4, Design.DISTRIBUTARY), EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.LOGS)).isCloseTo(logKb(1, 0.4, Design.NAIVE), EXACT);
        double logs = logKb(1, 0.4, Design.DISTRIBUTARY) / (1024 * 1024) * 0.50 * 1e6;
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.LOGS)).isCloseTo(logs, within(1e-9));
        assertThat(estimate.distributary().usdPerMillion())
                .isCloseTo(0.625 + 0.08 + 0.0124 * 13.3334 + 1.25 + 0.2 + 0.48 + logs, within(1e-6));
        // per month: 10 events/s x 2,592,000 s = 25.92 million events
        assertThat(estimate.distributary().component(Component.TABLE_WRITES).usdPerMonth())
                .isCloseTo(0.625 * 25.92, within(1e-6));
    }

    @Test
    void oneRegion_checkpointLedger_writesOncePerChunk_readsOncePerInvocation_andPaysForTheWindowsFinalInvocations() {
        // 10 writes/s, 2.5 records an invocation, 0.4 invocations per event: one checkpoint read and, for up to ten
        // published records, one checkpoint write per invocation: 0.4 RRU and 0.4 WRU per event. The tumbling window
        // (900 s) adds one final invocation per shard and window: 1/900 a second, over 10 events a second.
        CostEstimate estimate = estimate(ONE_REGION, 10, 1);
        double windowEnds = 1.0 / 900 / 10;

        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_READS))
                .isCloseTo(0.4, EXACT);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(0.25, EXACT);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_READS))
                .isCloseTo(0.05, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_REQUESTS))
                .isCloseTo(0.4 + windowEnds, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.LAMBDA_REQUESTS)).isCloseTo(0.4, EXACT);
        // read 5 ms + one PublishBatch 20 ms + one checkpoint write 5 ms + 2.5 x 0.025 ms = 30.06 -> 31 ms; a final
        // invocation 1 ms
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_DURATION))
                .isCloseTo(0.4 * 0.031 + windowEnds * 0.001, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LOGS))
                .isCloseTo(logKb(1, 0.4 + windowEnds, Design.DISTRIBUTARY), EXACT);
    }

    @Test
    void checkpointLedger_withThirtyRecordsAnInvocation_writesThreeTimes() {
        // 120 writes/s: 30 records a poll, published in three chunks of ten: 3 WRU and 1 RRU per invocation of 30.
        CostEstimate estimate = estimate(ONE_REGION, 120, 1);

        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(3.0 / 30, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_READS))
                .isCloseTo(1.0 / 30, EXACT);
    }

    private static final String THREE_REGIONS_LOCAL = """
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            tables:
              - name: orders
                partitionKey: {name: pk, type: S}
            fanout:
              consumers:
                - name: billing
                  tables: [orders]
                  origin: local
            """;

    @Test
    void threeRegions_localOnlyConsumer_filtersReplicasAndDeliversOnce_whileNaiveDeliversThreeTimes() {
        // 30 writes/s, 10 per region. Distributary: each region sees its own 10/s (2.5 a poll, 4 invocations/s);
        // naive: each region sees all 30/s (7.5 a poll, 4 invocations/s). Both: 12 invocations/s = 0.4 per event.
        CostEstimate estimate = estimate(perRecord(THREE_REGIONS_LOCAL), 30, 1);

        assertThat(units(estimate, Design.DISTRIBUTARY, Component.REPLICATED_WRITES))
                .isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.REPLICATED_WRITES)).isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_REQUESTS))
                .isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.LAMBDA_REQUESTS)).isCloseTo(0.4, EXACT);
        assertThat(estimate.flows().get(Design.DISTRIBUTARY).invoked()).isCloseTo(30, EXACT);
        assertThat(estimate.flows().get(Design.NAIVE).invoked()).isCloseTo(90, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SNS)).isCloseTo(3, EXACT);
        assertThat(estimate.flows().get(Design.DISTRIBUTARY).deliveries() / 30).isCloseTo(1, EXACT);
        assertThat(estimate.flows().get(Design.NAIVE).deliveries() / 30).isCloseTo(3, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SQS)).isCloseTo(1.2, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SQS)).isCloseTo(3.6, EXACT);
        // naive: 7.5 x 20 ms + 0.09 ms = 150.09 -> 151 ms per invocation, 12 invocations/s over 30 events/s
        assertThat(units(estimate, Design.NAIVE, Component.LAMBDA_DURATION)).isCloseTo(12 * 0.151 / 30, EXACT);
        assertThat(estimate.verdict()).isInstanceOf(Verdict.Saving.class);
    }

    @Test
    void threeRegions_originAnyConsumer_perRecordLedger_everyRegionClaimsAndPublishesEveryChange() {
        // Every region's function sees all 30/s (7.5 a poll) and publishes each: 3 claims per event, 6 WRU;
        // SNS: one PublishBatch per invocation (7 or 8 records of 3 KB), 12 a second = 0.4 per event.
        CostEstimate estimate = estimate(perRecord(THREE_REGIONS_LOCAL.replace("origin: local", "origin: any")), 30, 1);

        assertThat(estimate.flows().get(Design.DISTRIBUTARY).invoked()).isCloseTo(90, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(6, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SNS)).isCloseTo(3, EXACT);
        assertThat(estimate.flows().get(Design.DISTRIBUTARY).deliveries() / 30).isCloseTo(3, EXACT);
        assertThat(estimate.flows().get(Design.NAIVE).deliveries() / 30).isCloseTo(3, EXACT);
        // Distributary: 5 + 20 + 5 + 7.5 x 0.025 = 30.19 -> 31 ms
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_DURATION))
                .isCloseTo(12 * 0.031 / 30, EXACT);
    }

    @Test
    void primaryRegionMode_onlyThePrimaryInvokes_andPublishesToEveryRegionWithAConsumer() {
        String yaml = """
                regions: [eu-west-1, us-east-1]
                routing: {mode: primary-region, primary: eu-west-1}
                tables:
                  - name: orders
                    partitionKey: {name: pk, type: S}
                fanout:
                  consumers:
                    - name: billing
                      tables: [orders]
                """;
        // 10 writes/s, all in eu-west-1. Distributary: one stream (2.5 a poll, 4 invocations/s = 0.4 per event),
        // two topics: 2 PublishBatch calls per invocation; 5 + 2 x 20 + 5 + 0.03 = 50.03 -> 51 ms.
        // naive: both replicas' functions see every write: 0.8 invocations and 2 Publish calls per event.
        CostEstimate estimate = estimate(perRecord(yaml), 10, 1);

        assertThat(estimate.flows().get(Design.DISTRIBUTARY).streams())
                .extracting(StreamFlow::region)
                .containsExactly("eu-west-1");
        assertThat(estimate.flows().get(Design.DISTRIBUTARY).streams().get(0).publishedToTopic())
                .containsOnlyKeys("eu-west-1", "us-east-1");
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_REQUESTS))
                .isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.LAMBDA_REQUESTS)).isCloseTo(0.8, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(0.8, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SNS)).isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_DURATION))
                .isCloseTo(0.4 * 0.051, EXACT);
        assertThat(estimate.flows().get(Design.DISTRIBUTARY).deliveries() / 10).isCloseTo(2, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.REPLICATED_WRITES))
                .isCloseTo(1, EXACT);
    }

    @Test
    void fifoFanout_usesFifoPricesForSnsAndSqs() {
        String yaml = ONE_REGION.replace("fanout:\n", "fanout:\n  type: fifo\n");
        CostEstimate estimate = estimate(yaml, 10, 1);

        // SNS: 0.4 requests x $0.30/M + 3 KB of payload x $0.017/GB + 1 delivery x $0.01/M + 3 KB x $0.001/GB, per
        // event
        double gb = 3 / (1024.0 * 1024.0);
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.SNS))
                .isCloseTo(0.4 * 0.3 + gb * 0.017 * 1e6 + 0.01 + gb * 0.001 * 1e6, within(1e-9));
        // SQS: 1.2 requests x $0.50/M
        assertThat(dollars(estimate, Design.DISTRIBUTARY, Component.SQS)).isCloseTo(0.6, EXACT);
        assertThat(dollars(estimate, Design.NAIVE, Component.SQS)).isCloseTo(0.6, EXACT);
    }

    @Test
    void fortyKbItems_envelopesOf81Kb_areBilledPer64KbChunkAndThreePerPublishBatch() {
        // 40 writes/s: 10 records a poll. 81 KB envelopes: 3 fit in 256 KB, so ten records are 4 calls
        // (243, 243, 243, 81 KB) billed 4 + 4 + 4 + 2 = 14 requests: 1.4 per event; naive: 2 per Publish.
        CostEstimate estimate = estimate(perRecord(ONE_REGION), 40, 40);

        assertThat(estimate.envelope()).isEqualTo(new EnvelopeSize.Full(81));
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.TABLE_WRITES)).isCloseTo(40, EXACT);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(1.4, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SNS)).isCloseTo(2, EXACT);
        // SQS per delivery: SendMessage 2 chunks + a receive of ten (810 KB, 13 chunks) / 10 + delete 1/10 = 3.4
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SQS)).isCloseTo(3.4, EXACT);
        // 5 + 4 x 20 + 5 + 10 x 0.025 = 90.25 -> 91 ms, 4 invocations/s over 40 events/s
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_DURATION))
                .isCloseTo(0.1 * 0.091, EXACT);
        // idempotency items stay under 1 KB whatever the item size
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(2, EXACT);
    }

    @Test
    void itemsOver127Point5Kb_degradeToKeysOnlyEnvelopes_billedAsOneChunk() {
        assertThat(EnvelopeSize.of(127.5)).isEqualTo(new EnvelopeSize.Full(256));
        assertThat(EnvelopeSize.of(128)).isInstanceOf(EnvelopeSize.KeysOnly.class);

        CostEstimate estimate = estimate(ONE_REGION, 40, 200);

        assertThat(estimate.envelope()).isInstanceOf(EnvelopeSize.KeysOnly.class);
        assertThat(estimate.envelope().kb()).isEqualTo(1);
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.TABLE_WRITES)).isCloseTo(200, EXACT);
        // ten 1 KB envelopes in one PublishBatch: one request per invocation of 10
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.SNS)).isCloseTo(0.1, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SNS)).isCloseTo(1, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.SQS)).isCloseTo(1.2, EXACT);
    }

    @Test
    void batchingWindow_longerThanThePoll_growsTheBatchUpToBatchSize() {
        String yaml = perRecord(ONE_REGION + "processor: {batchSize: 20, batchingWindowSeconds: 5}\n");
        // 10 writes/s x 5 s = 50 records, capped at 20: 0.5 invocations/s = 0.05 per event
        CostEstimate estimate = estimate(yaml, 10, 1);

        assertThat(units(estimate, Design.DISTRIBUTARY, Component.LAMBDA_REQUESTS))
                .isCloseTo(0.05, EXACT);
        assertThat(units(estimate, Design.NAIVE, Component.LAMBDA_REQUESTS)).isCloseTo(0.05, EXACT);
    }

    @Test
    void shippedPlatform_withTheCheckpointLedger_costsAtLeastAQuarterLessThanTheNaiveDesign_at1Kb_andLessAt40Kb() {
        Topology shipped = TopologyLoader.load(java.nio.file.Path.of("../platform.yaml"));
        CostEstimate small = MODEL.estimate(shipped, new Workload(100, 1));
        CostEstimate large = MODEL.estimate(shipped, new Workload(100, 40));

        assertThat(small.comparison()).hasSize(Component.values().length);
        assertThat(small.verdict())
                .isInstanceOfSatisfying(
                        Verdict.Saving.class,
                        saving -> assertThat(saving.meetsTarget()).isTrue());
        assertThat(large.verdict()).isInstanceOf(Verdict.Saving.class);
    }

    @Test
    void shippedPlatform_inventoryReplicas_reachNoFunction_whileEveryRegionsFunctionSeesEveryOrder() {
        Topology shipped = TopologyLoader.load(java.nio.file.Path.of("../platform.yaml"));
        Flows flows = MODEL.estimate(shipped, new Workload(90, 1)).flows().get(Design.DISTRIBUTARY);

        // 90 writes/s over three tables: 30/s to inventory, 10/s written in each of its three regions. restock takes
        // local changes only, so each region's function sees its own 10/s; the 20/s replicated into it are filtered
        // out.
        assertThat(flows.streams())
                .filteredOn(flow -> flow.table().equals("inventory"))
                .hasSize(3)
                .allSatisfy(flow -> assertThat(flow.invoked()).isCloseTo(10, EXACT));
        // order-cache takes replicated orders: every region's function sees all 30/s.
        assertThat(flows.streams())
                .filteredOn(flow -> flow.table().equals("orders"))
                .hasSize(3)
                .allSatisfy(flow -> assertThat(flow.invoked()).isCloseTo(30, EXACT));
    }

    @Test
    void shippedPlatform_withThePerRecordLedger_costsMore_andTheVerdictSaysWhy() {
        Topology shipped = TopologyLoader.parse(perRecordShipped(), "platform.yaml");
        CostEstimate estimate = MODEL.estimate(shipped, new Workload(100, 1));

        // orders (a third of the writes): published in all three regions (order-cache takes origin any);
        // eu-customers and inventory: once, in the writing region (their consumers take local changes only).
        // 5/3 claims per event on average, 10/3 WRU.
        assertThat(units(estimate, Design.DISTRIBUTARY, Component.IDEMPOTENCY_WRITES))
                .isCloseTo(10.0 / 3, EXACT);
        assertThat(estimate.verdict()).isInstanceOf(Verdict.ExtraCost.class);
        assertThat(CostTable.verdict(estimate, shipped))
                .contains("idempotency writes +$")
                .contains("Each event is published 1.667 times on average");
    }

    private static String perRecordShipped() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("../platform.yaml"))
                    .replace(
                            "idempotencyExpirySeconds: 90000",
                            "idempotencyExpirySeconds: 90000\n  idempotency: per-record");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
