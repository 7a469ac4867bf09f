package dev.distributary.processor;

import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.processor.idempotency.Ledgers;
import dev.distributary.processor.internal.aws.EmfMetrics;
import dev.distributary.processor.internal.aws.SqsQuarantine;
import dev.distributary.processor.internal.aws.XrayTracer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS clients of one function instance, built once: one HTTP client ({@link ProcessorHttpClients}:
 * the lightweight URL-connection client by default, the AWS CRT client when the deployment chooses
 * it), this region's DynamoDB, an SNS client per region published to (the primary publishes
 * cross-region in primary-region mode), and SQS for the quarantine, built when first needed (a batch
 * rarely quarantines anything, so a cold start does not pay for it). Endpoints follow the SDK's own
 * settings, {@code AWS_ENDPOINT_URL} included.
 */
final class ProcessorClients {
    private final ProcessorConfig config;
    private final SdkHttpClient http;
    private final DynamoDbClient dynamo;
    private SqsClient sqs;
    private final Map<String, RegionalPublisher> publishers = new ConcurrentHashMap<>();

    ProcessorClients(ProcessorConfig config) {
        this.config = config;
        this.http = ProcessorHttpClients.build(config.httpClient());
        this.dynamo = DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .httpClient(http)
                .build();
    }

    ProcessorConfig config() {
        return config;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = SqsClient.builder()
                    .region(Region.of(config.region()))
                    .httpClient(http)
                    .build();
        }
        return sqs;
    }

    /** The SNS client of a topic's region. */
    SnsClient sns(String region) {
        return publisher(region).client();
    }

    StreamProcessor processor(Clock clock) {
        return new StreamProcessor(
                config,
                (topicArn, envelopes) ->
                        publisher(regionOf(topicArn)).publisher().publish(topicArn, envelopes),
                Ledgers.onDynamoDb(
                        config.topology().processor().ledger(),
                        dynamo,
                        config.idempotencyTable(),
                        config.functionName(),
                        Duration.ofSeconds(config.topology().processor().idempotencyExpirySeconds())),
                new SqsQuarantine(this::sqs, config.quarantineQueueUrl()),
                new EmfMetrics(config.region(), config.functionName()),
                new XrayTracer(),
                clock);
    }

    private RegionalPublisher publisher(String region) {
        return publishers.computeIfAbsent(region, r -> {
            SnsClient client =
                    SnsClient.builder().region(Region.of(r)).httpClient(http).build();
            return new RegionalPublisher(client, new SnsPublisher(client));
        });
    }

    private record RegionalPublisher(SnsClient client, SnsPublisher publisher) {}

    /** arn:aws:sns:REGION:ACCOUNT:NAME */
    static String regionOf(String topicArn) {
        String[] parts = topicArn.split(":", -1);
        if (parts.length < 6) {
            throw new ProcessorConfigException("not an SNS topic ARN: " + topicArn);
        }
        return parts[3];
    }
}
