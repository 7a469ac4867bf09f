package dev.distributary.benchmarks.naive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.benchmarks.StreamEvents;
import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.provision.FanoutProvisioner;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.ProcessorEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.model.Message;

/** The naive handler, configured as the regional processor is, against eu-west-1's fan-out in moto (topic, consumer queues, filter policies). */
@MotoTest
class NaiveHandlerTest {
    private static final String REGION = StreamEvents.REGION;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients aws;
    private final MotoServer moto;
    private ProvisionedRegion fanout;
    private String topicArn;

    NaiveHandlerTest(AwsClients aws, MotoServer moto) {
        this.aws = aws;
        this.moto = moto;
    }

    @BeforeEach
    void fanout() {
        moto.reset();
        fanout = new FanoutProvisioner(aws.sns(REGION), aws.sqs(REGION))
                .provision(FanoutLayout.of(StreamEvents.topology()).region(REGION));
        topicArn = fanout.topicArn();
    }

    private static Map<String, String> environment(String platform, String topics) {
        return Map.of(
                "AWS_REGION", REGION, ProcessorEnvironment.PLATFORM, platform, ProcessorEnvironment.TOPICS, topics);
    }

    private static DynamodbEvent event(int records) {
        return StreamEvents.deserialize(StreamEvents.eventJson(1_024, records));
    }

    /** The messages a consumer's queue received (its subscription's filter policy applied). */
    private List<JsonNode> drain(String consumer) throws Exception {
        String queueUrl = fanout.requireQueue(consumer).queueUrl();
        List<JsonNode> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = aws.sqs(REGION)
                    .receiveMessage(
                            b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message message : messages) {
                bodies.add(JSON.readTree(message.body()));
                aws.sqs(REGION).deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
    }

    @Test
    void handleRequest_gzipPlatformAndBatchWithReplicas_deliversEveryRecordOnceToEachConsumerAsALocalWrite()
            throws Exception {
        NaiveHandler handler = new NaiveHandler(
                environment(
                        ProcessorEnvironment.encodePlatform(StreamEvents.PLATFORM),
                        ProcessorEnvironment.formatTopics(Map.of(REGION, topicArn))),
                aws.sns(REGION));
        DynamodbEvent event = event(10);

        handler.handleRequest(event, null);

        List<String> eventIds = event.getRecords().stream()
                .map(DynamodbEvent.DynamodbStreamRecord::getEventID)
                .toList();
        List<JsonNode> billing = drain("billing");
        assertThat(billing).extracting(body -> body.get("id").asText()).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(billing).allSatisfy(body -> {
            assertThat(body.get("originkind").asText()).isEqualTo("local");
            assertThat(body.get("originregion").asText()).isEqualTo(REGION);
        });
        assertThat(drain("order-cache"))
                .extracting(body -> body.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(handler.pipeline().published()).isEqualTo(10);
    }

    @Test
    void handleRequest_plainPlatformAndTopicsOfSeveralRegions_publishesToItsOwnRegionsTopic() throws Exception {
        String topics = "us-east-1=arn:aws:sns:us-east-1:123456789012:shop-events," + REGION + "=" + topicArn;
        NaiveHandler handler = new NaiveHandler(environment(StreamEvents.PLATFORM, topics), aws.sns(REGION));

        handler.handleRequest(event(3), null);

        assertThat(drain("order-cache")).hasSize(3);
    }

    @Test
    void construction_topicsWithoutItsRegion_failsNamingTheVariable() {
        Map<String, String> env =
                environment(StreamEvents.PLATFORM, "us-east-1=arn:aws:sns:us-east-1:123456789012:shop-events");

        assertThatThrownBy(() -> new NaiveHandler(env, aws.sns(REGION)))
                .hasMessageContaining(ProcessorEnvironment.TOPICS)
                .hasMessageContaining(REGION);
    }

    @Test
    void handleRequest_publishFails_throwsSoLambdaRetriesTheBatch() {
        String missingTopic = topicArn.replace("shop-events", "no-such-topic");
        NaiveHandler handler =
                new NaiveHandler(environment(StreamEvents.PLATFORM, REGION + "=" + missingTopic), aws.sns(REGION));

        assertThatThrownBy(() -> handler.handleRequest(event(2), null)).isInstanceOf(SnsException.class);
    }
}
