package dev.distributary.fanout;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.provision.ProvisionedQueue;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.fanout.support.Provisioned;
import dev.distributary.fanout.support.Queues;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Through real SNS filter policies and SQS queues on moto, in three regions: every consumer gets
 * exactly the events its tables, event names, origin scope and item filters select, and nothing
 * from a region it has no queue in.
 */
@MotoTest
class PublishMatrixTest {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2");
    private static final Map<Operation, Operation> EVENT_NAMES = Map.of(
            Operation.INSERT,
            Operation.INSERT,
            Operation.MODIFY,
            Operation.MODIFY,
            Operation.REMOVE,
            Operation.REMOVE,
            Operation.TOMBSTONE,
            Operation.REMOVE,
            Operation.EXPIRE,
            Operation.EXPIRE);

    /** One published change and what a subscription can see of it. */
    private record Published(
            String eventId, String region, String table, Operation op, OriginKind kind, Map<String, String> item) {}

    @Test
    void everyConsumer_receivesExactlyWhatItsFilterAndOriginScopeSay_acrossThreeRegions(AwsClients aws) {
        Topology topology = Platforms.matrix();
        FanoutLayout layout = FanoutLayout.of(topology, new ResourceNames("matrix", false));
        Map<String, ProvisionedRegion> provisioned = Provisioned.all(aws, layout);
        EnvelopeFactory factory = new EnvelopeFactory(topology);

        List<Published> published = new ArrayList<>();
        for (String region : REGIONS) {
            List<Envelope> envelopes = new ArrayList<>();
            for (String table : topology.tables().stream().map(t -> t.name()).toList()) {
                if (!topology.replicaRegions(topology.requireTable(table)).contains(region)) {
                    continue; // a region's processor never sees a table it has no replica of
                }
                for (Operation op : Operation.values()) {
                    for (OriginKind kind : OriginKind.values()) {
                        for (String status : List.of("PAID", "PLACED")) {
                            for (int priority : List.of(1, 2)) {
                                ChangeRecord record = record(region, table, op, status, priority, envelopes.size());
                                Optional<String> origin = kind == OriginKind.LOCAL
                                        ? Optional.of(region)
                                        : op == Operation.EXPIRE
                                                ? Optional.empty()
                                                : Optional.of(
                                                        otherThan(region)); // a replicated expiry's origin is unknown
                                envelopes.add(factory.create(
                                        record,
                                        EventContext.of(
                                                op,
                                                origin,
                                                kind,
                                                topology.defaultClass(topology.requireTable(table)))));
                                published.add(new Published(
                                        record.eventId(),
                                        region,
                                        table,
                                        op,
                                        kind,
                                        Map.of("status", status, "priority", Integer.toString(priority))));
                            }
                        }
                    }
                }
            }
            PublishResult result = new SnsPublisher(aws.sns(region))
                    .publish(provisioned.get(region).topicArn(), envelopes);
            assertThat(result.allPublished())
                    .as(region + ": " + result.failures())
                    .isTrue();
        }

        int deliveries = 0;
        for (String region : REGIONS) {
            for (ConsumerSpec consumer : topology.consumersIn(region)) {
                ProvisionedQueue queue = provisioned.get(region).requireQueue(consumer.name());
                List<Message> received = Queues.drain(aws.sqs(region), queue.queueUrl());
                Set<String> expected = published.stream()
                        .filter(p -> p.region().equals(region) && wants(consumer, p))
                        .map(Published::eventId)
                        .collect(Collectors.toSet());
                List<String> receivedIds = received.stream()
                        .map(m -> ChangeEvent.parse(m.body()).id())
                        .toList();

                assertThat(receivedIds).as(consumer.name() + " in " + region).doesNotHaveDuplicates();
                assertThat(Set.copyOf(receivedIds))
                        .as(consumer.name() + " in " + region)
                        .isEqualTo(expected);
                assertThat(expected)
                        .as("the matrix gives " + consumer.name() + " something to receive")
                        .isNotEmpty();
                deliveries += received.size();
            }
        }
        assertThat(provisioned.get("us-east-1").queue("crm-sync")).isEmpty();
        assertThat(deliveries).isEqualTo(expectedDeliveries(topology, published));
    }

    @Test
    void deliveredMessage_isTheRawEnvelope_withTheFilterAttributes(AwsClients aws) {
        Topology topology = Platforms.matrix();
        FanoutLayout layout = FanoutLayout.of(topology, new ResourceNames("raw", false));
        ProvisionedRegion region = Provisioned.all(aws, layout).get("us-east-1");
        ChangeRecord record = record("us-east-1", "orders", Operation.INSERT, "PAID", 1, 0);
        Envelope envelope = new EnvelopeFactory(topology)
                .create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(new SnsPublisher(aws.sns("us-east-1"))
                        .publish(region.topicArn(), List.of(envelope))
                        .allPublished())
                .isTrue();

        List<Message> received = Queues.drain(
                aws.sqs("us-east-1"), region.requireQueue("paid-orders").queueUrl());
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo(envelope.json());
            Map<String, String> attributes = new HashMap<>();
            message.messageAttributes().forEach((name, value) -> attributes.put(name, value.stringValue()));
            assertThat(attributes)
                    .isEqualTo(envelope.messageAttributes())
                    .containsEntry("item.status", "PAID")
                    .containsEntry("item.priority", "1")
                    .containsEntry("originKind", "local");
        });
    }

    /** The subscription semantics, stated independently of the filter policy. */
    private static boolean wants(ConsumerSpec consumer, Published event) {
        return consumer.tables().contains(event.table())
                && consumer.eventNames().contains(EVENT_NAMES.get(event.op()))
                && (consumer.origin() == OriginScope.ANY || event.kind() == OriginKind.LOCAL)
                && consumer.filters().entrySet().stream()
                        .allMatch(f -> f.getValue().contains(event.item().get(f.getKey())));
    }

    private static int expectedDeliveries(Topology topology, List<Published> published) {
        int count = 0;
        for (Published event : published) {
            for (ConsumerSpec consumer : topology.consumersIn(event.region())) {
                count += wants(consumer, event) ? 1 : 0;
            }
        }
        return count;
    }

    /** A change whose item attributes are read from the new image, or the old one for removes, tombstones and expiries. */
    private static ChangeRecord record(String region, String table, Operation op, String status, int priority, int n) {
        ChangeRecords records = ChangeRecords.in(region, table);
        Image keys = "orders".equals(table)
                ? Items.of("pk", s("order#" + n), "sk", s("v0"))
                : Items.of("customerId", s("c-" + n));
        Image item = Items.with(keys, "status", s(status), "priority", n(priority));
        Image elsewhere = Items.with(keys, "status", s("CANCELLED"), "priority", n(9));
        return switch (op) {
            case INSERT -> records.insert(keys, item);
            case MODIFY -> records.modify(keys, elsewhere, item);
            case REMOVE -> records.remove(keys, item);
            case TOMBSTONE -> records.modify(keys, item, Items.tombstone(elsewhere, region, 1L, 2L));
            case EXPIRE -> records.ttlExpiry(keys, item);
        };
    }

    private static String otherThan(String region) {
        return REGIONS.stream().filter(r -> !r.equals(region)).findFirst().orElseThrow();
    }
}
