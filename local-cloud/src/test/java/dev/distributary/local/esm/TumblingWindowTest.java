package dev.distributary.local.esm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.internal.esm.CheckpointStore;
import dev.distributary.local.internal.streams.InMemoryStream;
import dev.distributary.local.internal.streams.StreamRecord;
import dev.distributary.topology.ProcessorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mapping's tumbling windows, as Lambda runs them for DynamoDB streams. */
class TumblingWindowTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);
    /** The start of a window, a little in the past so that it has not ended when the test runs. */
    private static final Instant START = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60);

    private final InMemoryStream stream = new InMemoryStream().shard("shard-1", Optional.empty());
    private final CheckpointStore checkpoints = new CheckpointStore();
    private final List<EventSourceMapping> mappings = new ArrayList<>();

    @AfterEach
    void stopMappings() {
        mappings.forEach(EventSourceMapping::close);
    }

    private void run(int batchSize, RecordingFunction function, Clock clock) {
        MappingConfig config = new MappingConfig(
                "arn:aws:lambda:eu-west-1:000000000000:function:shop-processor",
                batchSize,
                Duration.ZERO,
                -1,
                Optional.empty(),
                false,
                1,
                true,
                List.of(),
                ProcessorSettings.StartingPosition.TRIM_HORIZON,
                Duration.ofMillis(5),
                Duration.ZERO,
                WINDOW);
        mappings.add(new EventSourceMapping(stream, config, function, json -> {}, checkpoints, clock).start());
    }

    private void awaitCheckpoint(StreamRecord record) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> checkpoints.get(InMemoryStream.ARN, "shard-1").equals(Optional.of(record.sequence())));
    }

    private static InvocationResult withState(String key, String value) {
        return new InvocationResult.Success(
                "{\"state\":{\"" + key + "\":\"" + value + "\"},\"batchItemFailures\":[]}", Duration.ZERO);
    }

    @Test
    void everyInvocation_namesItsShardStreamAndWindow_andCarriesTheStateTheLastOneReturned() {
        List<StreamRecord> records = List.of(
                stream.append("shard-1", "a", "INSERT", START, "eu-west-1"),
                stream.append("shard-1", "b", "INSERT", START, "eu-west-1"),
                stream.append("shard-1", "c", "INSERT", START, "eu-west-1"));
        AtomicInteger calls = new AtomicInteger();
        RecordingFunction function =
                new RecordingFunction(sequences -> withState("seen", Integer.toString(calls.incrementAndGet())));

        run(2, function, Clock.fixed(START.plusSeconds(1), java.time.ZoneOffset.UTC));

        awaitCheckpoint(records.get(2));
        List<JsonNode> events = function.events();
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("shardId").asText()).isEqualTo("shard-1");
            assertThat(event.get("eventSourceARN").asText()).isEqualTo(InMemoryStream.ARN);
            assertThat(event.at("/window/start").asText()).isEqualTo(START.toString());
            assertThat(event.at("/window/end").asText())
                    .isEqualTo(START.plus(WINDOW).toString());
            assertThat(event.get("isFinalInvokeForWindow").asBoolean()).isFalse();
        });
        assertThat(events.get(0).get("state").isEmpty()).isTrue();
        assertThat(events.get(1).at("/state/seen").asText()).isEqualTo("1");
    }

    @Test
    void answerWithoutAState_isAFailedInvocation_andTheBatchIsRetried() {
        StreamRecord record = stream.append("shard-1", "a", "INSERT", START, "eu-west-1");
        AtomicInteger calls = new AtomicInteger();
        RecordingFunction function = new RecordingFunction(
                sequences -> calls.incrementAndGet() == 1 ? RecordingFunction.ok() : withState("k", "v"));

        run(10, function, Clock.fixed(START.plusSeconds(1), java.time.ZoneOffset.UTC));

        awaitCheckpoint(record);
        assertThat(function.batches()).containsExactly(List.of(record.sequence()), List.of(record.sequence()));
    }

    @Test
    void recordsOfTheNextWindow_comeAfterTheFinalInvocationOfTheWindowBefore_whichHasNoRecordsAndTheLastState() {
        StreamRecord first = stream.append("shard-1", "a", "INSERT", START.plusSeconds(5), "eu-west-1");
        StreamRecord second =
                stream.append("shard-1", "b", "INSERT", START.plus(WINDOW).plusSeconds(5), "eu-west-1");
        RecordingFunction function =
                new RecordingFunction(sequences -> withState("last", sequences.isEmpty() ? "final" : sequences.get(0)));

        run(10, function, Clock.fixed(START.plus(WINDOW).plusSeconds(10), java.time.ZoneOffset.UTC));

        awaitCheckpoint(second);
        List<JsonNode> events = function.events();
        assertThat(function.batches())
                .containsExactly(List.of(first.sequence()), List.of(), List.of(second.sequence()));
        assertThat(events.get(1).get("isFinalInvokeForWindow").asBoolean()).isTrue();
        assertThat(events.get(1).at("/state/last").asText()).isEqualTo(first.sequence());
        assertThat(events.get(2).at("/window/start").asText())
                .isEqualTo(START.plus(WINDOW).toString());
        assertThat(events.get(2).get("state").isEmpty())
                .as("a new window starts with an empty state")
                .isTrue();
    }

    @Test
    void windowThatEndsWhileTheShardIsIdle_getsItsFinalInvocation_countedAsAnInvocationWithoutRecords() {
        StreamRecord only = stream.append("shard-1", "a", "INSERT", START.plusSeconds(5), "eu-west-1");
        RecordingFunction function = new RecordingFunction(sequences -> withState("k", "v"));

        run(10, function, Clock.fixed(START.plus(WINDOW).plusSeconds(1), java.time.ZoneOffset.UTC));

        awaitCheckpoint(only);
        await().atMost(Duration.ofSeconds(10)).until(() -> function.events().size() == 2);
        assertThat(function.events().get(1).get("isFinalInvokeForWindow").asBoolean())
                .isTrue();
        assertThat(function.batches().get(1)).isEmpty();
        MappingMetrics.Snapshot metrics = mappings.get(0).metrics();
        assertThat(metrics.invocations()).isEqualTo(2);
        assertThat(metrics.finalInvocations()).isEqualTo(1);
        assertThat(metrics.invokedEventCount()).isEqualTo(1);
    }
}
