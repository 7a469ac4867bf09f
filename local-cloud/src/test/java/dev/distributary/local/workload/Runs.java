package dev.distributary.local.workload;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.EnvelopeSchema;
import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built ground truth and deliveries for the judges' tests: a two-region platform (orders
 * replicate to both; the class {@code eu-personal} may only be in eu-west-1), changes as a workload
 * records them and deliveries as a queue would hand them over.
 */
public final class Runs {
    public static final String US = "us-east-1";
    public static final String EU = "eu-west-1";

    private Runs() {}

    /** billing takes local inserts and modifies of orders; order-cache every change of orders, replicas too. */
    public static Topology platform(String mode, String fanout) {
        return TopologyLoader.parse("""
                name: judged
                regions: [us-east-1, eu-west-1]
                routing: {mode: %s, primary: us-east-1}
                residency:
                  attribute: dataClass
                  defaultClass: public
                  zones: {global: [us-east-1, eu-west-1], eu: [eu-west-1]}
                  classes: {public: global, eu-personal: eu}
                tables:
                  - name: orders
                    partitionKey: {name: pk, type: S}
                    zone: global
                fanout:
                  type: %s
                  consumers:
                    - name: billing
                      tables: [orders]
                      eventNames: [INSERT, MODIFY]
                      origin: local
                    - name: order-cache
                      tables: [orders]
                      origin: any
                """.formatted(mode, fanout), "judged.yaml");
    }

    public static Topology multiWriter() {
        return platform("multi-writer", "standard");
    }

    public static Topology fifo() {
        return platform("multi-writer", "fifo");
    }

    public static Change change(String origin, String item, Operation op, long version) {
        return change(origin, item, op, version, "public");
    }

    public static Change change(String origin, String item, Operation op, long version, String dataClass) {
        return new Change(
                "orders", origin, "pk=" + item, op, version, dataClass, Map.of("status", "PLACED"), 1_000L * version);
    }

    /** The change as the consumer's queue in the region delivers it, its envelope labelled with the change's own class. */
    public static Delivery delivery(String consumer, String region, Change change) {
        return delivery(consumer, region, change, change.op(), change.dataClass());
    }

    /** The change as delivered, showing as {@code op} and with the envelope claiming the class {@code residency}. */
    public static Delivery delivery(String consumer, String region, Change change, Operation op, String residency) {
        String pk = change.subject().substring("pk=".length());
        Image keys = new Image(Map.of("pk", new AttributeValue.S(pk)));
        Image image = new Image(Map.of(
                "pk", new AttributeValue.S(pk), "version", new AttributeValue.N(Long.toString(change.version()))));
        boolean removes = op.removesItem();
        ChangeEvent event = new ChangeEvent(
                "event-" + change.identity(),
                URI.create("arn:aws:dynamodb:" + region + ":000000000000:table/orders"),
                "dev.distributary.orders." + op.wireName(),
                change.subject(),
                Instant.ofEpochMilli(change.writtenAt()),
                EnvelopeSchema.ID,
                "orders",
                region,
                Optional.empty(),
                Optional.of(change.origin()),
                region.equals(change.origin()) ? OriginKind.LOCAL : OriginKind.REPLICA,
                residency,
                Long.toString(change.version()),
                op,
                keys,
                removes ? Optional.of(image) : Optional.empty(),
                Optional.of(image),
                false);
        return new Delivery(consumer, region, event, change.writtenAt() + 50);
    }

    /** The delivery as an envelope too large for SNS arrives: keys only, its images left out. */
    public static Delivery truncated(Delivery delivery) {
        ChangeEvent e = delivery.event();
        ChangeEvent keysOnly = new ChangeEvent(
                e.id(),
                e.source(),
                e.type(),
                e.subject(),
                e.time(),
                e.dataSchema(),
                e.table(),
                e.region(),
                e.entityType(),
                e.originRegion(),
                e.originKind(),
                e.residency(),
                e.sequence(),
                e.op(),
                e.keys(),
                Optional.empty(),
                Optional.empty(),
                true);
        return new Delivery(delivery.consumer(), delivery.region(), keysOnly, delivery.receivedAtMillis());
    }
}
