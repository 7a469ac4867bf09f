package dev.distributary.benchmarks.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.fanout.publish.SnsPublisher;
import dev.distributary.processor.internal.aws.LambdaRecords;
import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.TopologyLoader;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The naive design as a Lambda function ({@link NaivePipeline}): reads the regional processor's
 * environment ({@code AWS_REGION}, {@code DISTRIBUTARY_PLATFORM}, {@code DISTRIBUTARY_TOPICS}) once
 * and publishes each record with one SNS Publish; a failure throws, so Lambda retries the whole
 * batch. Handler {@code dev.distributary.benchmarks.naive.NaiveHandler::handleRequest}, class path
 * the processor's deployment jar followed by {@code benchmarks.jar}.
 */
public final class NaiveHandler implements RequestHandler<DynamodbEvent, Void> {
    private final NaivePipeline pipeline;

    public NaiveHandler() {
        this(
                System.getenv(),
                SnsClient.builder()
                        .region(Region.of(require(System.getenv(), "AWS_REGION")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build());
    }

    NaiveHandler(Map<String, String> env, SnsClient sns) {
        String region = require(env, "AWS_REGION");
        String topicArn = ProcessorEnvironment.parseTopics(require(env, ProcessorEnvironment.TOPICS))
                .get(region);
        if (topicArn == null) {
            throw new IllegalStateException(ProcessorEnvironment.TOPICS + " names no topic for " + region);
        }
        this.pipeline = new NaivePipeline(
                region,
                TopologyLoader.parse(
                        ProcessorEnvironment.decodePlatform(require(env, ProcessorEnvironment.PLATFORM)),
                        ProcessorEnvironment.PLATFORM),
                topicArn,
                (topic, json, attributes) -> sns.publish(b ->
                        b.topicArn(topic).message(json).messageAttributes(SnsPublisher.messageAttributes(attributes))));
    }

    @Override
    public Void handleRequest(DynamodbEvent event, Context context) {
        List<JsonNode> records = event.getRecords() == null
                ? List.of()
                : event.getRecords().stream()
                        .<JsonNode>map(LambdaRecords::toJson)
                        .toList();
        pipeline.process(records);
        return null;
    }

    NaivePipeline pipeline() {
        return pipeline;
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
