package dev.distributary.processor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.processor.internal.aws.LambdaEventJson;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.topology.PlatformTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Priming: exercise what the first invocation would otherwise pay for — the SDK clients (one cheap
 * read each: GetItem on the idempotency table, GetTopicAttributes on each topic,
 * GetQueueAttributes on the quarantine queue), the write calls a batch makes, each once with a
 * request that changes nothing (the ledger's conditional PutItem with a condition that cannot hold,
 * a PublishBatch with no entries, which SNS refuses), all granted by the function's role; the event
 * reader, the JSON codecs, the classifier and the envelope writer — without writing or publishing anything.
 * Before SnapStart's snapshot ({@link #prime}) everything is primed, for there it costs no
 * invocation anything. In an on-demand init ({@link #primeFirstBatch}; Lambda's init phase is
 * observed to run with more CPU than an invocation) only what a first batch needs: not the
 * quarantine's SQS client, which a batch rarely needs.
 */
final class Priming {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Priming() {}

    /** Everything, the quarantine's client included: before SnapStart's snapshot. */
    static void prime(ProcessorClients clients) {
        primeFirstBatch(clients);
        quietly(() -> clients.sqs()
                .getQueueAttributes(b -> b.queueUrl(clients.config().quarantineQueueUrl())));
    }

    /** What a first batch needs: the ledger's table, the topics, the codecs. */
    static void primeFirstBatch(ProcessorClients clients) {
        ProcessorConfig config = clients.config();
        Map<String, AttributeValue> primingKey =
                Map.of(PlatformTables.IDEMPOTENCY_KEY, AttributeValue.fromS("priming"));
        quietly(() -> clients.dynamo()
                .getItem(b -> b.tableName(config.idempotencyTable()).key(primingKey)));
        quietly(() -> clients.dynamo()
                .putItem(b -> b.tableName(config.idempotencyTable())
                        .item(primingKey)
                        .conditionExpression("attribute_exists(#id)")
                        .expressionAttributeNames(Map.of("#id", PlatformTables.IDEMPOTENCY_KEY))));
        config.topics()
                .forEach((region, arn) -> quietly(() -> clients.sns(region).getTopicAttributes(b -> b.topicArn(arn))));
        // One PublishBatch warms its marshalling for every topic's client (they share it).
        config.topics().entrySet().stream()
                .findFirst()
                .ifPresent(topic -> quietly(() -> clients.sns(topic.getKey())
                        .publishBatch(b -> b.topicArn(topic.getValue()).publishBatchRequestEntries(List.of()))));
        quietly(() -> {
            ObjectNode event = JSON.createObjectNode();
            event.putArray("Records").add(sample(config));
            LambdaEventJson.Batch batch = LambdaEventJson.read(new ByteArrayInputStream(JSON.writeValueAsBytes(event)));
            var record = StreamRecordJson.read(batch.records().get(0));
            OriginClassifier.of(config.topology(), config.region()).classify(record);
            new EnvelopeFactory(config.topology());
            LambdaEventJson.answer(new ByteArrayOutputStream(), Optional.of(record.sequenceNumber()));
            return null;
        });
    }

    private static ObjectNode sample(ProcessorConfig config) {
        var table = config.topology().tables().get(0);
        ObjectNode record = JSON.createObjectNode();
        record.put("eventID", "priming");
        record.put("eventName", "INSERT");
        record.put(
                "eventSourceARN",
                "arn:aws:dynamodb:" + config.region() + ":000000000000:table/" + table.name() + "/stream/priming");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", 0);
        dynamodb.put("SequenceNumber", "1");
        dynamodb.putObject("Keys").set(table.partitionKey().name(), JSON.valueToTree(Map.of("S", "priming")));
        ObjectNode image = dynamodb.putObject("NewImage");
        image.set(table.partitionKey().name(), JSON.valueToTree(Map.of("S", "priming")));
        image.set(table.stamp().originAttribute(), JSON.valueToTree(Map.of("S", config.region())));
        image.set(table.stamp().writeTimeAttribute(), JSON.valueToTree(Map.of("N", "0")));
        return record;
    }

    private interface Step {
        Object run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            // priming is best effort: the first invocation does whatever it skipped
        }
    }
}
