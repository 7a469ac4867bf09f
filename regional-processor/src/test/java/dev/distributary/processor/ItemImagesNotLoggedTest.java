package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Item images stay out of the logs at the default level: every outcome (published, quarantined
 * for residency, quarantined as malformed, retried after a failed publish) of records whose
 * application attributes hold a marker, with the log lines captured through the processor's own
 * JSON layout, must not contain the marker.
 */
class ItemImagesNotLoggedTest {
    private static final String MARKER = "SECRET-7d1f-marker";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private final StringWriter captured = new StringWriter();
    private LoggerContext context;
    private LoggerConfig logger;
    private Level levelBefore;

    @BeforeEach
    void capture() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        logger = configuration.getLoggerConfig("dev.distributary.processor.records");
        levelBefore = logger.getLevel();
        Appender json = configuration.getAppender("JsonAppender");
        Appender capture = WriterAppender.createAppender((StringLayout) json.getLayout(), null, captured, "capture", false, true);
        capture.start();
        logger.addAppender(capture, null, null);
        context.updateLoggers();
    }

    @AfterEach
    void restore() {
        logger.removeAppender("capture");
        logger.setLevel(levelBefore);
        context.updateLoggers();
    }

    private List<ObjectNode> recordsWithTheMarker() {
        List<ObjectNode> records = new ArrayList<>();
        var orders = ChangeRecords.in("us-east-1", "orders");
        var keys = Items.of("pk", AttributeValue.s("order-" + MARKER), "sk", AttributeValue.s("v0"));
        records.add(StreamRecordJson.write(orders.insert(keys, Items.stamped(Items.with(keys, "customer", AttributeValue.s(MARKER),
                "address", new AttributeValue.M(java.util.Map.of("street", AttributeValue.s(MARKER)))), "us-east-1", 1_795_687_200_000L))));
        records.add(StreamRecordJson.write(orders.insert(Items.of("pk", AttributeValue.s("eu-1"), "sk", AttributeValue.s("v0")),
                Items.stamped(Items.of("pk", AttributeValue.s("eu-1"), "sk", AttributeValue.s("v0"), "dataClass", AttributeValue.s("eu-personal"),
                        "name", AttributeValue.s(MARKER)), "us-east-1", 1_795_687_200_001L))));
        ObjectNode malformed = StreamRecordJson.write(orders.insert(Items.of("pk", AttributeValue.s("bad-1"), "sk", AttributeValue.s("v0")),
                Items.stamped(Items.of("pk", AttributeValue.s("bad-1"), "sk", AttributeValue.s("v0")), "us-east-1", 1_795_687_200_002L)));
        ((ObjectNode) malformed.at("/dynamodb/NewImage")).putObject("total").put("N", MARKER);
        records.add(malformed);
        records.add(StreamRecordJson.write(orders.insert(Items.of("pk", AttributeValue.s("retry-1"), "sk", AttributeValue.s("v0")),
                Items.stamped(Items.of("pk", AttributeValue.s("retry-1"), "sk", AttributeValue.s("v0"), "note", AttributeValue.s(MARKER)),
                        "us-east-1", 1_795_687_200_003L))));
        return records;
    }

    private BatchResult process(boolean logImages) {
        ProcessorConfig base = config(SHIPPED, "us-east-1");
        ProcessorConfig config = new ProcessorConfig(base.region(), base.functionName(), base.topology(), base.topics(), base.quarantineQueueUrl(),
                base.idempotencyTable(), logImages);
        List<ObjectNode> records = recordsWithTheMarker();
        RecordingPublisher publisher = new RecordingPublisher().failTransiently(records.get(3).get("eventID").asText());
        return new StreamProcessor(config, publisher, new InMemoryLedger(), new RecordingQuarantine(), new CountingMetrics(), CLOCK)
                .process(records, () -> 60_000);
    }

    @Test
    void everyOutcome_atTheDefaultLevel_logsNoItemImage() {
        assertThat(logger.getLevel()).as("the default level of the shipped log4j2.xml").isEqualTo(Level.INFO);

        BatchResult result = process(false);

        assertThat(result.outcomes()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Published", "Quarantined", "Quarantined", "Retry");
        assertThat(captured.toString()).as("the records were logged").contains("\"outcome\":\"Quarantined\"").contains("\"outcome\":\"Retry\"");
        assertThat(captured.toString()).doesNotContain(MARKER);
    }

    @Test
    void residencyBlock_atDebugWithImagesAskedFor_stillLogsNoImage() {
        logger.setLevel(Level.DEBUG);
        context.updateLoggers();
        ProcessorConfig base = config(SHIPPED, "us-east-1");
        ProcessorConfig config = new ProcessorConfig(base.region(), base.functionName(), base.topology(), base.topics(), base.quarantineQueueUrl(),
                base.idempotencyTable(), true);

        BatchResult result = new StreamProcessor(config, new RecordingPublisher(), new InMemoryLedger(), new RecordingQuarantine(), new CountingMetrics(),
                CLOCK).process(List.of(recordsWithTheMarker().get(1)), () -> 60_000);

        assertThat(result.outcomes()).singleElement().isInstanceOf(RecordOutcome.Quarantined.class);
        assertThat(captured.toString()).contains("\"outcome\":\"Quarantined\"").doesNotContain(MARKER);
    }

    @Test
    void imagesAtDebug_whenTheOperatorAsksForThem_doReachTheLog() {
        logger.setLevel(Level.DEBUG);
        context.updateLoggers();

        process(true);

        assertThat(captured.toString()).as("the capture sees what the processor logs").contains(MARKER);
    }
}
