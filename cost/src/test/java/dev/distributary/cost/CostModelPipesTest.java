package dev.distributary.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.distributary.cost.internal.PipeModel;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The EventBridge Pipes design on small platforms, computed by hand in each test's comment. Prices are
 * the shipped table's: pipe requests $0.40/M, stream reads $0.20/M, SNS $0.50/M and $0.09 per GB of
 * body scanned by filter policies, SQS $0.40/M, WRU and rWRU $0.625/M. A pipe polls four times a second.
 */
class CostModelPipesTest {
    private static final Offset<Double> EXACT = within(1e-9);
    private static final CostModel MODEL = new CostModel(PriceTable.load());
    private static final double GB = 1024.0 * 1024.0;

    private static Topology platform(String yaml) {
        return TopologyLoader.parse(yaml, "test.yaml");
    }

    private static CostEstimate estimate(String yaml, double writesPerSecond, double itemKb) {
        return MODEL.estimate(platform(yaml), new Workload(writesPerSecond, itemKb));
    }

    private static double units(CostEstimate estimate, Component component) {
        return estimate.of(Design.PIPES).component(component).unitsPerEvent();
    }

    private static double dollars(CostEstimate estimate, Component component) {
        return estimate.of(Design.PIPES).component(component).usdPerMillion();
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
    void oneRegion_oneConsumerTakingEverything_pipePassesEveryRecord_noFunctionLedgerLogsOrBodyFiltering() {
        // 10 writes/s of 1 KB: the pipe passes all 10/s (1 request each, 3 KB records); a poll every 0.25 s
        // carries 2.5 records: 4 PublishBatch calls/s of 7.5 KB, one request each = 0.4 per event; 4 GetRecords/s
        // = 0.4 stream reads per event. billing takes everything its topic carries: no filter policy to scan.
        CostEstimate estimate = estimate(ONE_REGION, 10, 1);

        assertThat(units(estimate, Component.PIPE_REQUESTS)).isCloseTo(1, EXACT);
        assertThat(units(estimate, Component.STREAM_READS)).isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Component.SNS)).isCloseTo(0.4, EXACT);
        assertThat(units(estimate, Component.SNS_BODY_FILTERING)).isCloseTo(0, EXACT);
        assertThat(units(estimate, Component.SQS)).isCloseTo(1.2, EXACT);
        for (Component none : List.of(
                Component.LAMBDA_REQUESTS,
                Component.LAMBDA_DURATION,
                Component.IDEMPOTENCY_WRITES,
                Component.IDEMPOTENCY_READS,
                Component.LOGS)) {
            assertThat(units(estimate, none)).as(none.label()).isZero();
        }
        assertThat(dollars(estimate, Component.PIPE_REQUESTS)).isCloseTo(0.40, EXACT);
        assertThat(dollars(estimate, Component.STREAM_READS)).isCloseTo(0.08, EXACT);
        assertThat(dollars(estimate, Component.SNS)).isCloseTo(0.20, EXACT);
        // 0.625 table writes + 0.08 + 0.40 + 0.20 + 0.48 SQS
        assertThat(estimate.of(Design.PIPES).usdPerMillion()).isCloseTo(1.785, within(1e-9));
        // Distributary and the naive design do not read streams themselves: Lambda's reads are free
        assertThat(estimate.distributary().component(Component.STREAM_READS).unitsPerEvent())
                .isZero();
        assertThat(estimate.naive().component(Component.PIPE_REQUESTS).unitsPerEvent())
                .isZero();
    }

    private static final String THREE_REGIONS_MIXED = """
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            tables:
              - name: orders
                partitionKey: {name: pk, type: S}
            fanout:
              consumers:
                - name: billing
                  tables: [orders]
                  eventNames: [INSERT, MODIFY]
                  origin: local
                - name: cache
                  tables: [orders]
                  origin: any
            """;

    @Test
    void consumersDifferingInOrigin_pipePassesTheUnion_replicasToo_andBillingsPolicyScansEveryBody() {
        // 30 writes/s, 10 per region. One filter per pipe: cache takes every region's copy, so each region's pipe
        // passes its 10 local and 20 replicated records: 90 pipe requests/s = 3 per event. billing's subscription
        // must drop replicas and REMOVEs, so it filters on the body: 30 messages/s x 3 regions x 3 KB = 9 KB per event;
        // cache takes everything on its topic and needs no policy. Deliveries: cache 30/s per region, billing the
        // local INSERTs and MODIFYs (20/3 per region): 110/s, as in Distributary, whose function publishes the same.
        CostEstimate estimate = estimate(THREE_REGIONS_MIXED, 30, 1);

        assertThat(estimate.flows().get(Design.PIPES).streams())
                .extracting(StreamFlow::region)
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(units(estimate, Component.PIPE_REQUESTS)).isCloseTo(3, EXACT);
        assertThat(units(estimate, Component.SNS_BODY_FILTERING)).isCloseTo(9, EXACT);
        assertThat(dollars(estimate, Component.SNS_BODY_FILTERING)).isCloseTo(9 / GB * 0.09 * 1e6, within(1e-9));
        assertThat(estimate.flows().get(Design.PIPES).deliveries() / 30).isCloseTo(110.0 / 30, EXACT);
        assertThat(estimate.flows().get(Design.PIPES).deliveries())
                .isCloseTo(estimate.flows().get(Design.DISTRIBUTARY).deliveries(), EXACT);
        assertThat(estimate.flows().get(Design.PIPES).published())
                .isCloseTo(estimate.flows().get(Design.DISTRIBUTARY).published(), EXACT);
        // each pipe: 30/s, 7.5 records a poll, 4 PublishBatch calls/s of 22.5 KB: 12 requests/s over 30 events/s
        assertThat(units(estimate, Component.SNS)).isCloseTo(0.4, EXACT);
        // three pipes polling four times a second
        assertThat(units(estimate, Component.STREAM_READS)).isCloseTo(12.0 / 30, EXACT);
    }

    @Test
    void localOnlyConsumers_filterDropsReplicas_whichAreNotBilled() {
        // billing alone, origin local, all event names: each region's pipe passes its own 10 writes/s only.
        CostEstimate estimate = estimate(
                THREE_REGIONS_MIXED.replace("""
                    - name: cache
                      tables: [orders]
                      origin: any
                """, "").replace("      eventNames: [INSERT, MODIFY]\n", ""), 30, 1);

        assertThat(units(estimate, Component.PIPE_REQUESTS)).isCloseTo(1, EXACT);
        assertThat(units(estimate, Component.SNS_BODY_FILTERING)).isCloseTo(0, EXACT);
    }

    @Test
    void fortyKbItems_recordsOf81Kb_areTwoPipeRequests_andAPipePublishesThreeAtATime() {
        // 40 writes/s of 40 KB: 81 KB records, 2 pipe requests each. Three fit in SNS's 256 KB, so the pipe's batch
        // is 3: 40/3 PublishBatch calls/s of 243 KB, 4 requests each: 160/3 requests/s over 40 events/s.
        CostEstimate estimate = estimate(ONE_REGION, 40, 40);

        assertThat(PipeModel.batchSize(platform(ONE_REGION).processor(), estimate.envelope()))
                .isEqualTo(3);
        assertThat(units(estimate, Component.PIPE_REQUESTS)).isCloseTo(2, EXACT);
        assertThat(units(estimate, Component.SNS)).isCloseTo(4.0 / 3, EXACT);
        assertThat(units(estimate, Component.STREAM_READS)).isCloseTo(0.1, EXACT);
    }

    @Test
    void highRateOfLargeItems_readsTheStreamOncePerMegabyte_notOnlyFourTimesASecond() {
        // 1,000 writes/s of 40 KB: 81,000 KB/s through the stream, at most 1,024 KB per GetRecords call.
        CostEstimate estimate = estimate(ONE_REGION, 1000, 40);

        assertThat(units(estimate, Component.STREAM_READS)).isCloseTo(81.0 / 1024, EXACT);
    }

    @Test
    void primaryRegionMode_onePipePerTargetRegion_eachPassingWhatItsConsumersTake() {
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
        // 10 writes/s, all in eu-west-1; billing in both regions takes every change: two pipes of 10/s each.
        CostEstimate estimate = estimate(yaml, 10, 1);

        assertThat(estimate.flows().get(Design.PIPES).streams())
                .extracting(StreamFlow::region)
                .containsExactly("eu-west-1", "us-east-1");
        assertThat(units(estimate, Component.PIPE_REQUESTS)).isCloseTo(2, EXACT);
        assertThat(units(estimate, Component.STREAM_READS)).isCloseTo(0.8, EXACT);
        assertThat(estimate.flows().get(Design.PIPES).deliveries() / 10).isCloseTo(2, EXACT);
    }

    @Test
    void perRecordLedgerOnOneRegion_pipesAreCheapest_andTheTableSaysWhyAndWhatAPipeDoesWithout() {
        // Pipes $1.785 (above); the naive design about $2.04 (no ledger, one Publish per record); Distributary
        // about $2.98, its per-record ledger's 2 WRU per record costing $1.25 alone.
        CostEstimate estimate = estimate(ONE_REGION + "processor:\n  idempotency: per-record\n", 10, 1);

        List<String> lines = CostTable.cheapest(estimate);

        assertThat(estimate.cheapest().order())
                .extracting(Cheapest.Ranked::design)
                .containsExactly(Design.PIPES, Design.NAIVE, Design.DISTRIBUTARY);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Cheapest: EventBridge Pipes ($1.785 per million events), then naive");
        assertThat(lines.get(1))
                .startsWith("Distributary costs")
                .contains("more per million events than EventBridge Pipes")
                .contains("more for idempotency writes (+$1.250)");
        assertThat(lines.get(2)).contains("without a publish ledger, quarantine");
    }

    @Test
    void fifoFanout_pipesAreNotPriced_becauseAPipeCannotTargetAnSnsFifoTopic() {
        CostEstimate estimate = estimate(ONE_REGION.replace("fanout:\n", "fanout:\n  type: fifo\n"), 10, 1);

        assertThat(estimate.priced(Design.PIPES)).isEmpty();
        assertThat(estimate.notPriced()).singleElement().satisfies(missing -> {
            assertThat(missing.design()).isEqualTo(Design.PIPES);
            assertThat(missing.reason()).contains("SNS FIFO topic").contains("eb-pipes-event-target");
        });
        assertThat(estimate.comparison())
                .allSatisfy(row -> assertThat(row.of(Design.PIPES)).isEmpty());
        assertThat(estimate.compare(Design.DISTRIBUTARY, Design.PIPES)).isEmpty();
        assertThat(estimate.cheapest().order())
                .extracting(Cheapest.Ranked::design)
                .containsExactlyInAnyOrder(Design.DISTRIBUTARY, Design.NAIVE);
    }

    @Test
    void shippedPlatform_distributaryIsCheaperThanPipes_at1KbAnd40Kb_evenWithoutTheUnverifiedBodyFilteringCharge() {
        Topology shipped = TopologyLoader.load(java.nio.file.Path.of("../platform.yaml"));
        for (double itemKb : new double[] {1, 40}) {
            CostEstimate estimate = MODEL.estimate(shipped, new Workload(100, itemKb));
            DesignCost pipes = estimate.of(Design.PIPES);
            double withoutBodyFiltering = pipes.usdPerMillion()
                    - pipes.component(Component.SNS_BODY_FILTERING).usdPerMillion();

            assertThat(estimate.cheapest().design()).as("%s KB", itemKb).isEqualTo(Design.DISTRIBUTARY);
            assertThat(estimate.compare(Design.DISTRIBUTARY, Design.PIPES)
                            .orElseThrow()
                            .savingPercent())
                    .isPositive();
            assertThat(estimate.distributary().usdPerMillion())
                    .as("%s KB without body filtering", itemKb)
                    .isLessThan(withoutBodyFiltering);
        }
    }
}
