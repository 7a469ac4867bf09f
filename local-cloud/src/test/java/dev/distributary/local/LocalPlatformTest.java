package dev.distributary.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.replication.writer.OriginStampingInterceptor;
import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** The whole platform on moto: a write in one region reaches the right queues of every region, through the processor's jar. */
@MotoTest
@Tag("e2e")
class LocalPlatformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLATFORM = Path.of("..", "platform.yaml");
    private static LocalPlatform platform;

    @BeforeAll
    static void start(MotoServer moto) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "local-platform-test"));
        Topology topology = TopologyLoader.load(PLATFORM);
        LocalOptions options = LocalOptions.defaults(
                        topology, Files.readString(PLATFORM), Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR), work)
                .withEndpoint(moto.endpoint());
        platform = LocalPlatform.start(options, line -> {});
        platform.warmUp();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private List<JsonNode> receive(String region, String consumer) throws Exception {
        String url =
                platform.resources().get(region).fanout().requireQueue(consumer).queueUrl();
        List<JsonNode> bodies = new ArrayList<>();
        for (Message message : platform.aws()
                .sqs(region)
                .receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()) {
            bodies.add(JSON.readTree(message.body()));
            platform.aws().sqs(region).deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
        }
        return bodies;
    }

    @Test
    void everyProcessingRegion_runsTheHandlerInfraDeploys() {
        assertThat(platform.functions())
                .containsOnlyKeys(platform.options().topology().processingRegions());
        assertThat(platform.functions().values())
                .allSatisfy(
                        function -> assertThat(function.config().handler()).isEqualTo(ProcessorEnvironment.HANDLER));
    }

    @Test
    void orderWrittenInEurope_reachesBillingInEuropeOnce_andTheOrderCacheOfEveryRegion() throws Exception {
        Topology topology = platform.options().topology();
        DynamoDbClient writer = platform.aws()
                .configure(DynamoDbClient.builder(), "eu-west-1")
                .httpClient(platform.aws().httpClient())
                .overrideConfiguration(c -> c.addExecutionInterceptor(
                        new OriginStampingInterceptor("eu-west-1", topology, Clock.systemUTC())))
                .build();

        writer.putItem(b -> b.tableName("orders")
                .item(Map.of(
                        "pk",
                        AttributeValue.fromS("order-1"),
                        "sk",
                        AttributeValue.fromS("v1"),
                        "entityType",
                        AttributeValue.fromS("order"),
                        "status",
                        AttributeValue.fromS("PLACED"))));

        List<JsonNode> billing = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            billing.addAll(receive("eu-west-1", "billing"));
            return !billing.isEmpty();
        });
        for (String region : topology.regions()) {
            List<JsonNode> cache = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                cache.addAll(receive(region, "order-cache"));
                return !cache.isEmpty();
            });
            assertThat(cache).singleElement().satisfies(event -> {
                assertThat(event.get("originregion").asText()).isEqualTo("eu-west-1");
                assertThat(event.get("originkind").asText())
                        .isEqualTo(region.equals("eu-west-1") ? "local" : "replica");
            });
        }
        assertThat(billing)
                .singleElement()
                .satisfies(event ->
                        assertThat(event.at("/data/after/status").asText()).isEqualTo("PLACED"));
        assertThat(receive("us-east-1", "billing")).isEmpty();
        assertThat(receive("ap-southeast-2", "billing")).isEmpty();
    }
}
