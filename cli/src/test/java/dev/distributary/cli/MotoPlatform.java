package dev.distributary.cli;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.OriginKind;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.moto.AwsClients;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The shipped platform's fan-out in one region of moto, and changes published to it. */
final class MotoPlatform {
    static final String FILE = "../platform.yaml";
    static final Topology SHIPPED = TopologyLoader.load(Path.of(FILE));
    /** As a stack of the default environment names them, which is what the commands look for by default. */
    static final ResourceNames NAMES = ResourceNames.of(SHIPPED, ResourceNames.DEFAULT_ENVIRONMENT);

    private MotoPlatform() {}

    static ProvisionedRegion provision(AwsClients aws, String region) {
        return new FanoutProvisioner(aws.sns(region), aws.sqs(region))
                .provision(FanoutLayout.of(SHIPPED, NAMES).region(region));
    }

    /** An order placed, then paid, then deleted, in {@code region}: billing takes the first two. */
    static List<Envelope> orderLifecycle(String region) {
        ChangeRecords orders = ChangeRecords.in(region, "orders");
        Image keys = Items.of("pk", s("order#1"), "sk", s("v0"));
        Image placed = Items.with(keys, "entityType", s("order"), "status", s("PLACED"), "total", n("12.50"));
        Image paid = Items.with(placed, "status", s("PAID"));
        EnvelopeFactory factory = new EnvelopeFactory(SHIPPED);
        return List.of(
                envelope(factory, orders.insert(keys, placed), Operation.INSERT, region),
                envelope(factory, orders.modify(keys, placed, paid), Operation.MODIFY, region),
                envelope(factory, orders.remove(keys, paid), Operation.REMOVE, region));
    }

    static void publish(AwsClients aws, ProvisionedRegion region, List<Envelope> envelopes) {
        if (!new SnsPublisher(aws.sns(region.region()))
                .publish(region.topicArn(), envelopes)
                .allPublished()) {
            throw new IllegalStateException("publish failed");
        }
    }

    static long count(AwsClients aws, String region, String queueUrl) {
        var attributes = aws.sqs(region)
                .getQueueAttributes(b -> b.queueUrl(queueUrl)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Long.parseLong(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static Envelope envelope(EnvelopeFactory factory, ChangeRecord record, Operation op, String region) {
        return factory.create(record, EventContext.of(op, region, OriginKind.LOCAL, "public"));
    }
}
