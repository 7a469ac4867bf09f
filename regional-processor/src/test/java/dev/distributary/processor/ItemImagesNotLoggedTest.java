package dev.distributary.processor;

import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.processor.idempotency.PerRecordLedger;
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
    private LoggerConfig batches;
    private LoggerConfig images;
    private Level levelBefore;

    /** Captures both of the processor's loggers, each through the layout the shipped log4j2.xml gives it. */
    @BeforeEach
    void capture() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        logger = configuration.getLoggerConfig("dev.distributary.processor.records");
        batches = configuration.getLoggerConfig("dev.distributary.processor.batches");
        images = configuration.getLoggerConfig("dev.distributary.processor.images");
        levelBefore = images.getLevel();
        addCapture(logger, configuration.getAppender("RecordAppender"));
        addCapture(batches, configuration.getAppender("JsonAppender"));
        context.updateLoggers();
    }

    private void addCapture(LoggerConfig config, Appender shipped) {
        Appender capture = WriterAppender.createAppender(
                (StringLayout) shipped.getLayout(), null, captured, "capture", false, true);
        capture.start();
        config.addAppender(capture, null, null);
    }

    @AfterEach
    void restore() {
        logger.removeAppender("capture");
        batches.removeAppender("capture");
        images.setLevel(levelBefore);
        context.updateLoggers();
    }

    private List<ObjectNode> recordsWithTheMarker() {
        List<ObjectNode> records = new ArrayList<>();
        var orders = ChangeRecords.in("us-east-1", "orders");
        var keys = Items.of("pk", AttributeValue.s("order-" + MARKER), "sk", AttributeValue.s("v0"));
        records.add(StreamRecordJson.write(orders.insert(
                keys,
                Items.stamped(
                        Items.with(
                                keys,
                                "customer",
                                AttributeValue.s(MARKER),
                                "address",
                                new AttributeValue.M(java.util.Map.of("street", AttributeValue.s(MARKER)))),
                        "us-east-1",
                        1_795_687_200_000L))));
        records.add(StreamRecordJson.write(orders.insert(
                Items.of("pk", AttributeValue.s("eu-1"), "sk", AttributeValue.s("v0")),
                Items.stamped(
                        Items.of(
                                "pk",
                                AttributeValue.s("eu-1"),
                                "sk",
                                AttributeValue.s("v0"),
                                "dataClass",
                                AttributeValue.s("eu-personal"),
                                "name",
                                AttributeValue.s(MARKER)),
                        "us-east-1",
                        1_795_687_200_001L))));
        ObjectNode malformed = StreamRecordJson.write(orders.insert(
                Items.of("pk", AttributeValue.s("bad-1"), "sk", AttributeValue.s("v0")),
                Items.stamped(
                        Items.of("pk", AttributeValue.s("bad-1"), "sk", AttributeValue.s("v0")),
                        "us-east-1",
                        1_795_687_200_002L)));
        ((ObjectNode) malformed.at("/dynamodb/NewImage")).putObject("total").put("N", MARKER);
        records.add(malformed);
        records.add(StreamRecordJson.write(orders.insert(
                Items.of("pk", AttributeValue.s("retry-1"), "sk", AttributeValue.s("v0")),
                Items.stamped(
                        Items.of(
                                "pk",
                                AttributeValue.s("retry-1"),
                                "sk",
                                AttributeValue.s("v0"),
                                "note",
                                AttributeValue.s(MARKER)),
                        "us-east-1",
                        1_795_687_200_003L))));
        return records;
    }

    private BatchResult process(boolean logImages) {
        ProcessorConfig base = config(SHIPPED, "us-east-1");
        ProcessorConfig config = new ProcessorConfig(
                base.region(),
                base.functionName(),
                base.topology(),
                base.topics(),
                base.quarantineQueueUrl(),
                base.idempotencyTable(),
                logImages);
        List<ObjectNode> records = recordsWithTheMarker();
        RecordingPublisher publisher = new RecordingPublisher()
                .failTransiently(records.get(3).get("eventID").asText());
        return new StreamProcessor(
                        config,
                        publisher,
                        new PerRecordLedger(new InMemoryRecordLedger()),
                        new RecordingQuarantine(),
                        new CountingMetrics(),
                        CLOCK)
                .process(Processors.SHARD, records, () -> 60_000);
    }

    @Test
    void everyOutcome_atTheDefaultLevel_logsNoItemImage() {
        assertThat(logger.getLevel())
                .as("the default level of the shipped log4j2.xml")
                .isEqualTo(Level.INFO);
        assertThat(images.getLevel()).as("the images' default level").isEqualTo(Level.INFO);

        BatchResult result = process(false);

        assertThat(result.outcomes())
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Published", "Quarantined", "Quarantined", "Retry");
        assertThat(captured.toString())
                .as("the records were logged")
                .contains("\"outcome\":\"Quarantined\"")
                .contains("\"outcome\":\"Retry\"");
        assertThat(captured.toString()).as("the batch was logged").contains("batch of 4 records");
        assertThat(captured.toString()).doesNotContain(MARKER);
    }

    @Test
    void residencyBlock_atDebugWithImagesAskedFor_stillLogsNoImage() {
        logger.setLevel(Level.DEBUG);
        context.updateLoggers();
        ProcessorConfig base = config(SHIPPED, "us-east-1");
        ProcessorConfig config = new ProcessorConfig(
                base.region(),
                base.functionName(),
                base.topology(),
                base.topics(),
                base.quarantineQueueUrl(),
                base.idempotencyTable(),
                true);

        BatchResult result = new StreamProcessor(
                        config,
                        new RecordingPublisher(),
                        new PerRecordLedger(new InMemoryRecordLedger()),
                        new RecordingQuarantine(),
                        new CountingMetrics(),
                        CLOCK)
                .process(Processors.SHARD, List.of(recordsWithTheMarker().get(1)), () -> 60_000);

        assertThat(result.outcomes()).singleElement().isInstanceOf(RecordOutcome.Quarantined.class);
        assertThat(captured.toString()).contains("\"outcome\":\"Quarantined\"").doesNotContain(MARKER);
    }

    @Test
    void imagesAtDebug_whenTheOperatorAsksForThem_doReachTheLog() {
        images.setLevel(Level.DEBUG);
        context.updateLoggers();

        process(true);

        assertThat(captured.toString())
                .as("the capture sees what the processor logs")
                .contains(MARKER);
    }

    @Test
    void lineOfAPublishedRecord_isCompact_withItsCoordinatesAndOutcomeOnly() throws Exception {
        process(false);

        String published = captured.toString()
                .lines()
                .filter(line -> line.contains("\"outcome\":\"Published\""))
                .findFirst()
                .orElseThrow();
        com.fasterxml.jackson.databind.JsonNode line =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(published);
        java.util.List<String> fields = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("level", "sequenceNumber", "eventId", "table", "outcome");
        assertThat(published.length()).as("bytes per record line").isLessThan(150);
    }
}
