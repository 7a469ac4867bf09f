package dev.distributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.infra.synth.SynthResource;
import dev.distributary.infra.synth.Synthesis;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.EventSourceMapping;
import dev.distributary.local.esm.MappingConfig;
import dev.distributary.local.function.FunctionConfig;
import dev.distributary.moto.AwsClients;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One region's deployment in comparable terms, read either from what synth declares for the
 * region's stack (and the primary's, which declares the global tables in every region) or from
 * what the local run created on the emulator (read back with the SDK) and configured in its own
 * runtime (event source mappings, the function, its role policy). Defaults AWS applies to an
 * attribute the stack leaves out are filled in, so that leaving one out and setting AWS's default
 * compare equal.
 */
record DeployedRegion(
        Map<String, Map<String, String>> queues,
        Map<String, Map<String, String>> topics,
        Set<String> subscriptions,
        Map<String, String> tables,
        List<String> mappings,
        Optional<String> function,
        Optional<JsonNode> policy) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_VISIBILITY = "30";
    private static final String DEFAULT_RETENTION = "345600";
    private static final String DEFAULT_WAIT = "0";

    static DeployedRegion fromSynth(String region, List<Synthesis> stacks) {
        Synthesis own = stacks.stream()
                .filter(s -> s.region().equals(region))
                .findFirst()
                .orElseThrow();
        Map<String, Map<String, String>> queues = new TreeMap<>();
        Map<String, Map<String, String>> topics = new TreeMap<>();
        Set<String> subscriptions = new TreeSet<>();
        List<String> mappings = new ArrayList<>();
        Optional<String> function = Optional.empty();
        Optional<JsonNode> policy = Optional.empty();
        for (SynthResource r : own.resources()) {
            JsonNode in = r.inputs();
            switch (r.type()) {
                case "aws:sqs/queue:Queue" ->
                    queues.put(
                            in.get("name").asText(),
                            queue(
                                    bool(in, "fifoQueue"),
                                    bool(in, "contentBasedDeduplication"),
                                    text(in, "visibilityTimeoutSeconds", DEFAULT_VISIBILITY),
                                    text(in, "receiveWaitTimeSeconds", DEFAULT_WAIT),
                                    text(in, "messageRetentionSeconds", DEFAULT_RETENTION),
                                    redrive(in.path("redrivePolicy").asText(""))));
                case "aws:sns/topic:Topic" ->
                    topics.put(
                            in.get("name").asText(),
                            topic(bool(in, "fifoTopic"), bool(in, "contentBasedDeduplication")));
                case "aws:sns/topicSubscription:TopicSubscription" ->
                    subscriptions.add(subscription(
                            last(in.get("topic").asText()),
                            last(in.get("endpoint").asText()),
                            in.get("protocol").asText(),
                            bool(in, "rawMessageDelivery"),
                            in.path("filterPolicyScope").asText(""),
                            in.path("filterPolicy").asText("")));
                case "aws:lambda/eventSourceMapping:EventSourceMapping" ->
                    mappings.add(mapping(
                            tableOf(in.get("eventSourceArn").asText()),
                            in.get("batchSize").asInt(),
                            in.get("maximumBatchingWindowInSeconds").asInt(),
                            in.get("maximumRetryAttempts").asInt(),
                            in.get("maximumRecordAgeInSeconds").asInt(),
                            in.get("bisectBatchOnFunctionError").asBoolean(),
                            in.get("parallelizationFactor").asInt(),
                            in.get("tumblingWindowInSeconds").asInt(),
                            in.get("startingPosition").asText(),
                            StreamSupport.stream(
                                            in.path("functionResponseTypes").spliterator(), false)
                                    .anyMatch(t -> t.asText().equals("ReportBatchItemFailures")),
                            StreamSupport.stream(
                                            in.path("filterCriteria")
                                                    .path("filters")
                                                    .spliterator(),
                                            false)
                                    .map(f -> f.get("pattern").asText())
                                    .toList()));
                case "aws:lambda/function:Function" -> {
                    Map<String, String> variables = new TreeMap<>();
                    in.path("environment")
                            .path("variables")
                            .fields()
                            .forEachRemaining(
                                    e -> variables.put(e.getKey(), e.getValue().asText()));
                    function = Optional.of(function(
                            in.get("name").asText(),
                            in.get("memorySize").asInt(),
                            in.get("timeout").asInt(),
                            variables));
                }
                case "aws:iam/rolePolicy:RolePolicy" ->
                    policy = Optional.of(json(in.get("policy").asText()));
                default -> {}
            }
        }
        return new DeployedRegion(
                queues, topics, subscriptions, tablesFromSynth(region, stacks), sorted(mappings), function, policy);
    }

    /** Tables in the region: every stack's Table or TableReplica whose provider (or stack) is in it, described like the table they copy. */
    private static Map<String, String> tablesFromSynth(String region, List<Synthesis> stacks) {
        Map<String, JsonNode> definitions = new TreeMap<>();
        Map<String, String> tables = new TreeMap<>();
        for (Synthesis stack : stacks) {
            stack.resources().stream()
                    .filter(r -> r.type().equals("aws:dynamodb/table:Table"))
                    .forEach(r -> definitions.put(r.inputs().get("name").asText(), r.inputs()));
        }
        for (Synthesis stack : stacks) {
            for (SynthResource r : stack.resources()) {
                String where =
                        r.provider().map(p -> p.substring("aws-".length())).orElse(stack.region());
                if (!where.equals(region)) {
                    continue;
                }
                String name = switch (r.type()) {
                    case "aws:dynamodb/table:Table" -> r.inputs().get("name").asText();
                    case "aws:dynamodb/tableReplica:TableReplica" ->
                        last(r.inputs().get("globalTableArn").asText());
                    default -> null;
                };
                if (name != null) {
                    JsonNode in = definitions.get(name);
                    Map<String, String> types = new TreeMap<>();
                    in.path("attributes")
                            .forEach(a -> types.put(
                                    a.get("name").asText(), a.get("type").asText()));
                    String hash = in.get("hashKey").asText();
                    String range = in.path("rangeKey").asText("");
                    tables.put(
                            name,
                            table(
                                    hash + ":" + types.get(hash),
                                    range.isEmpty() ? "" : range + ":" + types.get(range),
                                    in.path("streamEnabled").asBoolean(false)
                                            ? in.get("streamViewType").asText()
                                            : "",
                                    in.path("ttl").path("enabled").asBoolean(false)
                                            ? in.path("ttl")
                                                    .path("attributeName")
                                                    .asText()
                                            : ""));
                }
            }
        }
        return tables;
    }

    static DeployedRegion fromLocal(String region, LocalPlatform platform) {
        AwsClients aws = platform.aws();
        SqsClient sqs = aws.sqs(region);
        Map<String, Map<String, String>> queues = new TreeMap<>();
        for (String url : sqs.listQueues().queueUrls()) {
            Map<String, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                    .attributesAsStrings();
            queues.put(
                    last(url),
                    queue(
                            Boolean.parseBoolean(a.get("FifoQueue")),
                            Boolean.parseBoolean(a.get("ContentBasedDeduplication")),
                            a.getOrDefault("VisibilityTimeout", DEFAULT_VISIBILITY),
                            a.getOrDefault("ReceiveMessageWaitTimeSeconds", DEFAULT_WAIT),
                            a.getOrDefault("MessageRetentionPeriod", DEFAULT_RETENTION),
                            redrive(a.getOrDefault("RedrivePolicy", ""))));
        }
        SnsClient sns = aws.sns(region);
        Map<String, Map<String, String>> topics = new TreeMap<>();
        Set<String> subscriptions = new TreeSet<>();
        sns.listTopics().topics().forEach(t -> {
            Map<String, String> a =
                    sns.getTopicAttributes(b -> b.topicArn(t.topicArn())).attributes();
            topics.put(
                    last(t.topicArn()),
                    topic(
                            Boolean.parseBoolean(a.get("FifoTopic")),
                            Boolean.parseBoolean(a.get("ContentBasedDeduplication"))));
            sns.listSubscriptionsByTopic(b -> b.topicArn(t.topicArn()))
                    .subscriptions()
                    .forEach(s -> {
                        Map<String, String> sa = sns.getSubscriptionAttributes(
                                        b -> b.subscriptionArn(s.subscriptionArn()))
                                .attributes();
                        subscriptions.add(subscription(
                                last(t.topicArn()),
                                last(s.endpoint()),
                                s.protocol(),
                                Boolean.parseBoolean(sa.get("RawMessageDelivery")),
                                sa.getOrDefault("FilterPolicyScope", ""),
                                sa.getOrDefault("FilterPolicy", "")));
                    });
        });
        DynamoDbClient dynamo = aws.dynamoDb(region);
        Map<String, String> tables = new TreeMap<>();
        for (String name : dynamo.listTables().tableNames()) {
            TableDescription t = dynamo.describeTable(b -> b.tableName(name)).table();
            Map<String, String> types = new TreeMap<>();
            t.attributeDefinitions().forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
            String hash = key(t.keySchema(), KeyType.HASH);
            String range = key(t.keySchema(), KeyType.RANGE);
            var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            tables.put(
                    name,
                    table(
                            hash + ":" + types.get(hash),
                            range.isEmpty() ? "" : range + ":" + types.get(range),
                            t.streamSpecification() != null
                                            && Boolean.TRUE.equals(
                                                    t.streamSpecification().streamEnabled())
                                    ? t.streamSpecification().streamViewTypeAsString()
                                    : "",
                            ttl != null && ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED
                                    ? ttl.attributeName()
                                    : ""));
        }
        List<String> mappings = new ArrayList<>();
        for (EventSourceMapping esm : platform.mappings().getOrDefault(region, List.of())) {
            MappingConfig c = esm.config();
            mappings.add(mapping(
                    tableOf(esm.streamArn()),
                    c.batchSize(),
                    (int) c.batchingWindow().toSeconds(),
                    c.maximumRetryAttempts(),
                    c.maximumRecordAge().map(d -> (int) d.toSeconds()).orElse(-1),
                    c.bisectOnError(),
                    c.parallelizationFactor(),
                    (int) c.tumblingWindow().toSeconds(),
                    c.startingPosition().name(),
                    c.reportBatchItemFailures(),
                    c.filterPatterns()));
        }
        Optional<String> function = Optional.ofNullable(platform.functions().get(region))
                .map(f -> {
                    FunctionConfig c = f.config();
                    return function(
                            c.name(), c.memoryMb(), (int) c.timeout().toSeconds(), new TreeMap<>(c.environment()));
                });
        Optional<JsonNode> policy =
                Optional.ofNullable(platform.policies().get(region)).map(DeployedRegion::json);
        return new DeployedRegion(queues, topics, subscriptions, tables, sorted(mappings), function, policy);
    }

    private static Map<String, String> queue(
            boolean fifo, boolean deduplication, String visibility, String wait, String retention, String redrive) {
        return Map.of(
                "FifoQueue",
                Boolean.toString(fifo),
                "ContentBasedDeduplication",
                Boolean.toString(deduplication),
                "VisibilityTimeout",
                visibility,
                "ReceiveMessageWaitTimeSeconds",
                wait,
                "MessageRetentionPeriod",
                retention,
                "RedrivePolicy",
                redrive);
    }

    private static Map<String, String> topic(boolean fifo, boolean deduplication) {
        return Map.of(
                "FifoTopic", Boolean.toString(fifo), "ContentBasedDeduplication", Boolean.toString(deduplication));
    }

    /** A redrive policy as "after N receives to QUEUE", whatever JSON types it was written with. */
    private static String redrive(String policy) {
        if (policy.isBlank()) {
            return "";
        }
        JsonNode node = json(policy);
        return "after " + node.get("maxReceiveCount").asText() + " receives to "
                + last(node.get("deadLetterTargetArn").asText());
    }

    private static String subscription(
            String topic, String queue, String protocol, boolean raw, String scope, String filterPolicy) {
        return topic + " -> " + queue + " (" + protocol + ", raw " + raw + ", scope " + scope + ", filter "
                + (filterPolicy.isBlank() ? "none" : json(filterPolicy)) + ")";
    }

    private static String table(String hash, String range, String stream, String ttl) {
        return "hash " + hash + ", range " + range + ", stream " + stream + ", ttl " + ttl;
    }

    private static String mapping(
            String table,
            int batchSize,
            int window,
            int retries,
            int recordAge,
            boolean bisect,
            int factor,
            int tumbling,
            String start,
            boolean reportFailures,
            List<String> patterns) {
        return table + ": batch " + batchSize + ", window " + window + " s, retries " + retries + ", record age "
                + recordAge + " s, bisect " + bisect
                + ", factor " + factor + ", tumbling " + tumbling + " s, from " + start + ", report item failures "
                + reportFailures + ", filters "
                + patterns;
    }

    /** The function's name, size and variables; a queue URL compares by account and name (the endpoint's host is the emulator's locally). */
    private static String function(String name, int memory, int timeout, Map<String, String> variables) {
        Map<String, String> comparable = new TreeMap<>(variables);
        comparable.replaceAll(
                (key, value) -> value.startsWith("http") ? URI.create(value).getPath() : value);
        return name + ": " + memory + " MB, " + timeout + " s, " + comparable;
    }

    private static String tableOf(String streamArn) {
        String resource = streamArn.substring(streamArn.indexOf(":table/") + ":table/".length());
        return resource.substring(0, resource.indexOf('/'));
    }

    private static String key(List<KeySchemaElement> schema, KeyType type) {
        return schema.stream()
                .filter(k -> k.keyType() == type)
                .map(KeySchemaElement::attributeName)
                .findFirst()
                .orElse("");
    }

    private static boolean bool(JsonNode inputs, String field) {
        return inputs.path(field).asBoolean(false);
    }

    private static String text(JsonNode inputs, String field, String otherwise) {
        return inputs.has(field) ? inputs.get(field).asText() : otherwise;
    }

    private static String last(String arnOrUrl) {
        return arnOrUrl.substring(Math.max(arnOrUrl.lastIndexOf(':'), arnOrUrl.lastIndexOf('/')) + 1);
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted(Comparator.naturalOrder()).toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
