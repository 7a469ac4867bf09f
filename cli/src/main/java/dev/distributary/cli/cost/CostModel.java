package dev.distributary.cli.cost;

import dev.distributary.topology.FanoutType;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a platform's writes under both designs: topology + workload + price table ->
 * {@link CostEstimate}. Pure: no AWS calls. docs/cost-model.md states the model and its assumptions.
 */
public final class CostModel {
    /** The consumer library receives and deletes ten messages per call. */
    public static final int SQS_BATCH = 10;
    private static final double KB_PER_GB = 1024.0 * 1024.0;
    private static final double BYTES_PER_KB = 1024.0;

    private final PriceTable prices;

    public CostModel(PriceTable prices) {
        this.prices = java.util.Objects.requireNonNull(prices, "prices");
    }

    /** The estimate for the platform at the workload. */
    public CostEstimate estimate(Topology topology, Workload workload) {
        EnvelopeSize envelope = EnvelopeSize.of(workload.itemKb());
        Map<Design, Flows> flows = new EnumMap<>(Design.class);
        Map<Design, DesignCost> costs = new EnumMap<>(Design.class);
        for (Design design : Design.values()) {
            Flows designFlows = FlowModel.of(topology, design, workload.writesPerSecond());
            flows.put(design, designFlows);
            costs.put(design, cost(topology, workload, envelope, designFlows));
        }
        return new CostEstimate(topology.name(), workload, topology.fanout().type(), envelope,
                costs.get(Design.DISTRIBUTARY), costs.get(Design.NAIVE), flows);
    }

    private DesignCost cost(Topology topology, Workload workload, EnvelopeSize envelope, Flows flows) {
        boolean fifo = topology.fanout().type() == FanoutType.FIFO;
        String sns = fifo ? "sns.fifo." : "sns.standard.";
        double w = workload.writesPerSecond();
        int units = workload.writeUnitsPerItem();
        double perTable = w / topology.tables().size();

        double tableWrites = w * units;
        double replicatedWrites = 0;
        for (TableSpec table : topology.tables()) {
            replicatedWrites += perTable * (topology.replicaRegions(table).size() - 1) * units;
        }

        double invocations = 0;
        double gbSeconds = 0;
        double snsRequests = 0;
        double publishedToTopics = 0;
        double idempotencyWrites = 0;
        double idempotencyReads = 0;
        double memoryGb = topology.processor().memoryMb() / 1024.0;
        for (StreamFlow stream : flows.streams()) {
            Invocation invocation = InvocationModel.of(stream, flows.design(), topology.processor(), envelope, prices);
            invocations += invocation.perSecond();
            gbSeconds += invocation.perSecond() * invocation.billedMs() / 1000 * memoryGb;
            snsRequests += invocation.perSecond() * invocation.snsRequests();
            idempotencyWrites += invocation.perSecond() * invocation.ledgerWrites();
            idempotencyReads += invocation.perSecond() * invocation.ledgerReads();
            publishedToTopics += stream.publishedToTopic().values().stream().mapToDouble(Double::doubleValue).sum();
        }
        if (flows.design() == Design.DISTRIBUTARY && topology.processor().tumblingWindowSeconds() > 0) {
            // The tumbling window the checkpoint ledger needs: Lambda's final invocation of each window, per shard, no records.
            double windowEnds = flows.streams().size() / (double) topology.processor().tumblingWindowSeconds();
            invocations += windowEnds;
            gbSeconds += windowEnds * 0.001 * memoryGb;
        }
        String logged = flows.design() == Design.DISTRIBUTARY ? "logs.bytes-per-record.distributary" : "logs.bytes-per-record.naive";
        double logKb = (flows.invoked() * prices.assumption(logged).value()
                + invocations * prices.assumption("logs.platform-bytes-per-invocation").value()) / BYTES_PER_KB;

        double deliveries = flows.deliveries();
        double perDeliverySqs = prices.assumption("sqs.requests-per-sns-delivery").value() * EnvelopeSize.chunks(envelope.kb())
                + EnvelopeSize.chunks(SQS_BATCH * envelope.kb()) / (double) SQS_BATCH
                + 1.0 / SQS_BATCH;
        double sqsRequests = deliveries * perDeliverySqs;

        double snsUsd = snsRequests * usd(sns + "publish-request")
                + publishedToTopics * envelope.kb() / KB_PER_GB * usd(sns + "publish-payload-gb")
                + deliveries * usd(sns + "sqs-delivery")
                + deliveries * envelope.kb() / KB_PER_GB * usd(sns + "sqs-delivery-payload-gb");

        List<ComponentCost> components = new ArrayList<>();
        components.add(line(Component.TABLE_WRITES, tableWrites, tableWrites * usd("dynamodb.write-request-unit"), w));
        components.add(line(Component.REPLICATED_WRITES, replicatedWrites, replicatedWrites * usd("dynamodb.replicated-write-request-unit"), w));
        components.add(line(Component.LAMBDA_REQUESTS, invocations, invocations * usd("lambda.request"), w));
        components.add(line(Component.LAMBDA_DURATION, gbSeconds, gbSeconds * usd("lambda.arm64-gb-second"), w));
        components.add(line(Component.IDEMPOTENCY_WRITES, idempotencyWrites, idempotencyWrites * usd("dynamodb.write-request-unit"), w));
        components.add(line(Component.IDEMPOTENCY_READS, idempotencyReads, idempotencyReads * usd("dynamodb.read-request-unit"), w));
        components.add(line(Component.SNS, snsRequests, snsUsd, w));
        components.add(line(Component.SQS, sqsRequests, sqsRequests * usd(fifo ? "sqs.fifo.request" : "sqs.standard.request"), w));
        components.add(line(Component.LOGS, logKb, logKb / KB_PER_GB * usd("cloudwatch.logs-ingestion-gb"), w));
        return new DesignCost(flows.design(), components);
    }

    /** A component from its units per second and dollars per second. */
    private static ComponentCost line(Component component, double unitsPerSecond, double usdPerSecond, double eventsPerSecond) {
        return new ComponentCost(component, unitsPerSecond / eventsPerSecond, usdPerSecond / eventsPerSecond * 1_000_000,
                usdPerSecond * Workload.SECONDS_PER_MONTH);
    }

    private double usd(String price) {
        return prices.price(price).value();
    }
}
