package dev.distributary.cost;

import dev.distributary.cost.internal.Bill;
import dev.distributary.cost.internal.FlowModel;
import dev.distributary.cost.internal.Invocation;
import dev.distributary.cost.internal.InvocationModel;
import dev.distributary.cost.internal.PipeModel;
import dev.distributary.cost.internal.PipeTraffic;
import dev.distributary.topology.FanoutType;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Prices a platform's writes under every design: topology + workload + price table ->
 * {@link CostEstimate}. Pure: no AWS calls. docs/cost-model.md states the model and its assumptions.
 */
public final class CostModel {
    /** The consumer library receives and deletes ten messages per call. */
    public static final int SQS_BATCH = 10;
    /** Why a FIFO fan-out has no pipes design: AWS's list of pipe targets. */
    public static final String PIPES_FIFO_REASON = "a pipe cannot target an SNS FIFO topic "
            + "(https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-pipes-event-target.html)";

    private static final double KB_PER_GB = 1024.0 * 1024.0;
    private static final double BYTES_PER_KB = 1024.0;

    private final PriceTable prices;

    public CostModel(PriceTable prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** The estimate for the platform at the workload. */
    public CostEstimate estimate(Topology topology, Workload workload) {
        EnvelopeSize envelope = EnvelopeSize.of(workload.itemKb());
        boolean fifo = topology.fanout().type() == FanoutType.FIFO;
        Map<Design, Flows> flows = new EnumMap<>(Design.class);
        Map<Design, Pricing> designs = new EnumMap<>(Design.class);
        for (Design design : Design.values()) {
            if (design == Design.PIPES && fifo) {
                designs.put(design, new Pricing.NotAvailable(design, PIPES_FIFO_REASON));
                continue;
            }
            Flows designFlows = FlowModel.of(topology, design, workload.writesPerSecond());
            flows.put(design, designFlows);
            Bill bill = common(topology, workload, envelope, designFlows);
            if (design == Design.PIPES) {
                pipes(topology, workload, envelope, designFlows, bill);
            } else {
                functions(topology, envelope, designFlows, bill);
            }
            designs.put(design, new Pricing.Priced(bill.cost(design, workload.writesPerSecond())));
        }
        return new CostEstimate(topology.name(), workload, topology.fanout().type(), envelope, designs, flows);
    }

    /** What every design pays alike given its flows: the tables' writes, SNS's deliveries and the queues' requests. */
    private Bill common(Topology topology, Workload workload, EnvelopeSize envelope, Flows flows) {
        double w = workload.writesPerSecond();
        int units = workload.writeUnitsPerItem();
        double perTable = w / topology.tables().size();
        double replicatedWrites = 0;
        for (TableSpec table : topology.tables()) {
            replicatedWrites += perTable * (topology.replicaRegions(table).size() - 1) * units;
        }
        double deliveries = flows.deliveries();
        double perDeliverySqs =
                prices.assumption("sqs.requests-per-sns-delivery").value() * EnvelopeSize.chunks(envelope.kb())
                        + EnvelopeSize.chunks(SQS_BATCH * envelope.kb()) / (double) SQS_BATCH
                        + 1.0 / SQS_BATCH;
        double sqsRequests = deliveries * perDeliverySqs;
        String sns = sns(topology);
        double deliveriesUsd = deliveries * usd(sns + "sqs-delivery")
                + deliveries * envelope.kb() / KB_PER_GB * usd(sns + "sqs-delivery-payload-gb");
        return new Bill()
                .add(Component.TABLE_WRITES, w * units, w * units * usd("dynamodb.write-request-unit"))
                .add(
                        Component.REPLICATED_WRITES,
                        replicatedWrites,
                        replicatedWrites * usd("dynamodb.replicated-write-request-unit"))
                .add(Component.SNS, 0, deliveriesUsd)
                .add(
                        Component.SQS,
                        sqsRequests,
                        sqsRequests
                                * usd(
                                        topology.fanout().type() == FanoutType.FIFO
                                                ? "sqs.fifo.request"
                                                : "sqs.standard.request"));
    }

    /** Distributary and the naive design: a stream function per region, its ledger (Distributary) and its logs. */
    private void functions(Topology topology, EnvelopeSize envelope, Flows flows, Bill bill) {
        double invocations = 0;
        double gbSeconds = 0;
        double snsRequests = 0;
        double publishedToTopics = 0;
        double ledgerWrites = 0;
        double ledgerReads = 0;
        double memoryGb = topology.processor().memoryMb() / 1024.0;
        for (StreamFlow stream : flows.streams()) {
            Invocation invocation = InvocationModel.of(stream, flows.design(), topology.processor(), envelope, prices);
            invocations += invocation.perSecond();
            gbSeconds += invocation.perSecond() * invocation.billedMs() / 1000 * memoryGb;
            snsRequests += invocation.perSecond() * invocation.snsRequests();
            ledgerWrites += invocation.perSecond() * invocation.ledgerWrites();
            ledgerReads += invocation.perSecond() * invocation.ledgerReads();
            publishedToTopics += stream.publishedToTopic().values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
        if (flows.design() == Design.DISTRIBUTARY && topology.processor().tumblingWindowSeconds() > 0) {
            // The tumbling window the checkpoint ledger needs: Lambda's final invocation of each window, per shard, no
            // records.
            double windowEnds =
                    flows.streams().size() / (double) topology.processor().tumblingWindowSeconds();
            invocations += windowEnds;
            gbSeconds += windowEnds * 0.001 * memoryGb;
        }
        String logged = flows.design() == Design.DISTRIBUTARY
                ? "logs.bytes-per-record.distributary"
                : "logs.bytes-per-record.naive";
        double logKb = (flows.invoked() * prices.assumption(logged).value()
                        + invocations
                                * prices.assumption("logs.platform-bytes-per-invocation")
                                        .value())
                / BYTES_PER_KB;
        bill.add(Component.LAMBDA_REQUESTS, invocations, invocations * usd("lambda.request"))
                .add(Component.LAMBDA_DURATION, gbSeconds, gbSeconds * usd("lambda.arm64-gb-second"))
                .add(Component.IDEMPOTENCY_WRITES, ledgerWrites, ledgerWrites * usd("dynamodb.write-request-unit"))
                .add(Component.IDEMPOTENCY_READS, ledgerReads, ledgerReads * usd("dynamodb.read-request-unit"))
                .add(Component.SNS, snsRequests, published(topology, snsRequests, publishedToTopics, envelope))
                .add(Component.LOGS, logKb, logKb / KB_PER_GB * usd("cloudwatch.logs-ingestion-gb"));
    }

    /** EventBridge Pipes: its requests, its stream reads, its PublishBatch calls and the body filtering a pipe's messages need. */
    private void pipes(Topology topology, Workload workload, EnvelopeSize envelope, Flows flows, Bill bill) {
        double streamRate = workload.writesPerSecond() / topology.tables().size();
        double pipeRequests = 0;
        double streamReads = 0;
        double snsRequests = 0;
        double publishedToTopics = 0;
        for (StreamFlow pipe : flows.streams()) {
            PipeTraffic traffic =
                    PipeModel.of(pipe, streamRate, topology.processor(), workload.itemKb(), envelope, prices);
            pipeRequests += traffic.pipeRequests();
            streamReads += traffic.streamReads();
            snsRequests += traffic.snsRequests();
            publishedToTopics += pipe.published();
        }
        double scannedKb = flows.bodyScans() * envelope.kb();
        bill.add(Component.STREAM_READS, streamReads, streamReads * usd("dynamodb.stream-read-request-unit"))
                .add(Component.PIPE_REQUESTS, pipeRequests, pipeRequests * usd("pipes.request"))
                .add(Component.SNS, snsRequests, published(topology, snsRequests, publishedToTopics, envelope))
                .add(
                        Component.SNS_BODY_FILTERING,
                        scannedKb,
                        scannedKb / KB_PER_GB * usd(sns(topology) + "payload-filtering-gb"));
    }

    /** SNS's publish side: the billed requests and, for FIFO topics, the payload published. */
    private double published(Topology topology, double snsRequests, double publishedToTopics, EnvelopeSize envelope) {
        String sns = sns(topology);
        return snsRequests * usd(sns + "publish-request")
                + publishedToTopics * envelope.kb() / KB_PER_GB * usd(sns + "publish-payload-gb");
    }

    private static String sns(Topology topology) {
        return topology.fanout().type() == FanoutType.FIFO ? "sns.fifo." : "sns.standard.";
    }

    private double usd(String price) {
        return prices.price(price).value();
    }
}
