package dev.distributary.local.esm;

import static dev.distributary.local.esm.RecordingFunction.error;
import static dev.distributary.local.esm.RecordingFunction.failedFrom;
import static dev.distributary.local.esm.RecordingFunction.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.local.function.InvocationResult;
import dev.distributary.local.internal.esm.CheckpointStore;
import dev.distributary.local.internal.streams.InMemoryStream;
import dev.distributary.local.internal.streams.StreamRecord;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.ProcessorSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Lambda's event-source-mapping semantics for DynamoDB streams, case by case, on an in-memory stream. */
class EventSourceMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now();

    private final InMemoryStream stream = new InMemoryStream().shard("shard-1", Optional.empty());
    private final CheckpointStore checkpoints = new CheckpointStore();
    private final List<String> onFailure = new CopyOnWriteArrayList<>();
    private final List<EventSourceMapping> mappings = new ArrayList<>();

    @AfterEach
    void stopMappings() {
        mappings.forEach(EventSourceMapping::close);
    }

    private static MappingConfig config(
            int batchSize, int retries, boolean bisect, int parallelization, List<String> filters) {
        return new MappingConfig(
                "arn:aws:lambda:eu-west-1:000000000000:function:shop-processor",
                batchSize,
                Duration.ZERO,
                retries,
                Optional.empty(),
                bisect,
                parallelization,
                true,
                filters,
                ProcessorSettings.StartingPosition.TRIM_HORIZON,
                Duration.ofMillis(5),
                Duration.ZERO,
                Duration.ZERO);
    }

    private EventSourceMapping run(MappingConfig config, Invoker function, Clock clock) {
        EventSourceMapping mapping =
                new EventSourceMapping(stream, config, function, onFailure::add, checkpoints, clock).start();
        mappings.add(mapping);
        return mapping;
    }

    private EventSourceMapping run(MappingConfig config, Invoker function) {
        return run(config, function, Clock.systemUTC());
    }

    private List<StreamRecord> append(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> stream.append("shard-1", "key-" + i, "INSERT", NOW, "eu-west-1"))
                .toList();
    }

    private void awaitCheckpoint(StreamRecord record) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> checkpoints.get(InMemoryStream.ARN, "shard-1").equals(Optional.of(record.sequence())));
    }

    @Test
    void records_areInvokedInBatchesOfTheBatchSize_inShardOrder() {
        List<StreamRecord> records = append(25);
        RecordingFunction function = new RecordingFunction(sequences -> ok());

        run(config(10, -1, false, 1, List.of()), function);

        awaitCheckpoint(records.get(24));
        assertThat(function.batchSizes()).containsExactly(10, 10, 5);
        assertThat(function.batches().stream().flatMap(List::stream).toList())
                .containsExactlyElementsOf(
                        records.stream().map(StreamRecord::sequence).toList());
    }

    @Test
    void shardThatHadRecords_isReadAgainAtOnce_andAnEmptyReadWaitsThePollInterval() {
        List<StreamRecord> records = append(3);
        RecordingFunction function = new RecordingFunction(sequences -> ok());
        MappingConfig config = config(10, -1, false, 1, List.of());
        MappingConfig slowPolling = new MappingConfig(
                config.functionArn(),
                config.batchSize(),
                config.batchingWindow(),
                config.maximumRetryAttempts(),
                config.maximumRecordAge(),
                config.bisectOnError(),
                config.parallelizationFactor(),
                config.reportBatchItemFailures(),
                config.filterPatterns(),
                config.startingPosition(),
                Duration.ofMinutes(10),
                config.retryBackoff(),
                config.tumblingWindow());

        run(slowPolling, function);

        awaitCheckpoint(records.get(2));
        // the read that found three records is followed at once by a second, which finds none; the next waits ten
        // minutes
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.reads() == 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> stream.reads() == 2);
        assertThat(function.batchSizes()).containsExactly(3);
    }

    @Test
    void filterCriteria_skipRecordsThatMatchNoPattern_andTheCheckpointMovesPastThem() {
        StreamRecord local = stream.append("shard-1", "a", "INSERT", NOW, "eu-west-1");
        StreamRecord replica = stream.append("shard-1", "b", "INSERT", NOW, "us-east-1");
        RecordingFunction function = new RecordingFunction(sequences -> ok());

        EventSourceMapping mapping = run(
                config(
                        10,
                        -1,
                        false,
                        1,
                        List.of("{\"dynamodb\":{\"NewImage\":{\"_origin\":{\"S\":[\"eu-west-1\"]}}}}")),
                function);

        awaitCheckpoint(replica);
        assertThat(function.batches()).containsExactly(List.of(local.sequence()));
        assertThat(mapping.metrics().filteredOutEventCount()).isEqualTo(1);
        assertThat(mapping.metrics().polledEventCount()).isEqualTo(2);
    }

    @Test
    void filterOnTheTopLevelEventName_refusedAsLambdaRefusesIt_namingTheKeyAndTheRule() {
        assertThatThrownBy(() ->
                        config(10, -1, false, 1, List.of("{\"eventName\":[\"REMOVE\"],\"dynamodb\":{\"Keys\":{}}}")))
                .isInstanceOf(LambdaRules.LambdaRuleException.class)
                .hasMessage(
                        "filter pattern 1 of event source mapping of arn:aws:lambda:eu-west-1:000000000000:function:shop-processor filters on"
                                + " 'eventName', but DynamoDB event source mappings only support filtering on the 'dynamodb' key: constrain"
                                + " dynamodb.Keys, NewImage or OldImage instead, or decide it in the function's code");
    }

    @Test
    void sixFilterPatterns_refusedAsLambdaRefusesThem() {
        assertThatThrownBy(() -> config(
                        10,
                        -1,
                        false,
                        1,
                        java.util.Collections.nCopies(6, "{\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[\"a\"]}}}}")))
                .hasMessageContaining("has 6 filter patterns; Lambda allows at most 5 per mapping");
    }

    @Test
    void partialFailure_checkpointsBeforeTheFirstFailure_andRetriesOnlyFromThere() {
        List<StreamRecord> records = append(5);
        String third = records.get(2).sequence();
        AtomicBoolean failedOnce = new AtomicBoolean();
        List<Optional<String>> checkpointsSeenOnRetry = new CopyOnWriteArrayList<>();
        RecordingFunction function = new RecordingFunction(sequences -> {
            if (!failedOnce.getAndSet(true)) {
                return failedFrom(third);
            }
            checkpointsSeenOnRetry.add(checkpoints.get(InMemoryStream.ARN, "shard-1"));
            return ok();
        });

        run(config(10, 3, false, 1, List.of()), function);

        awaitCheckpoint(records.get(4));
        assertThat(function.batches())
                .containsExactly(
                        records.stream().map(StreamRecord::sequence).toList(),
                        records.subList(2, 5).stream()
                                .map(StreamRecord::sequence)
                                .toList());
        assertThat(checkpointsSeenOnRetry)
                .containsExactly(Optional.of(records.get(1).sequence()));
    }

    @Test
    void bisectOnError_isolatesThePoisonRecord_withoutUsingUpRetries() {
        List<StreamRecord> records = append(8);
        String poison = records.get(5).sequence();
        RecordingFunction function = new RecordingFunction(sequences -> sequences.contains(poison) ? error() : ok());

        EventSourceMapping mapping = run(config(10, 0, true, 1, List.of()), function);

        awaitCheckpoint(records.get(7));
        assertThat(function.batchSizes()).containsExactly(8, 4, 4, 2, 1, 1, 2);
        assertThat(onFailure).singleElement().satisfies(json -> {
            JsonNode record = JSON.readTree(json);
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText())
                    .isEqualTo(poison);
            assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
            assertThat(record.at("/DDBStreamBatchInfo/streamArn").asText()).isEqualTo(InMemoryStream.ARN);
            assertThat(record.at("/DDBStreamBatchInfo/shardId").asText()).isEqualTo("shard-1");
            assertThat(record.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        });
        assertThat(mapping.metrics().droppedEventCount()).isEqualTo(1);
        assertThat(mapping.metrics().onFailureDestinationDeliveredEventCount()).isEqualTo(1);
    }

    @Test
    void failingBatch_isRetriedMaximumRetryAttemptsTimes_thenDiscardedToTheDestination() {
        List<StreamRecord> records = append(3);
        RecordingFunction function = new RecordingFunction(sequences -> error());

        run(config(10, 2, false, 1, List.of()), function);

        awaitCheckpoint(records.get(2));
        assertThat(function.batchSizes()).containsExactly(3, 3, 3);
        assertThat(onFailure).singleElement().satisfies(json -> {
            JsonNode record = JSON.readTree(json);
            assertThat(record.at("/requestContext/approximateInvokeCount").asInt())
                    .isEqualTo(3);
            assertThat(record.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(3);
        });
    }

    @Test
    void recordOlderThanTheMaximumAge_isDiscardedWithoutInvoking() {
        StreamRecord old = stream.append("shard-1", "old", "INSERT", NOW.minus(Duration.ofMinutes(10)), "eu-west-1");
        StreamRecord fresh = stream.append("shard-1", "fresh", "INSERT", NOW, "eu-west-1");
        RecordingFunction function = new RecordingFunction(sequences -> ok());
        MappingConfig base = config(10, -1, false, 1, List.of());
        MappingConfig withAge = new MappingConfig(
                base.functionArn(),
                10,
                Duration.ZERO,
                -1,
                Optional.of(Duration.ofMinutes(5)),
                false,
                1,
                true,
                List.of(),
                base.startingPosition(),
                base.pollInterval(),
                Duration.ZERO,
                Duration.ZERO);

        run(withAge, function, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC));

        awaitCheckpoint(fresh);
        assertThat(function.batches()).containsExactly(List.of(fresh.sequence()));
        assertThat(onFailure).singleElement().satisfies(json -> {
            JsonNode record = JSON.readTree(json);
            assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RecordAgeExceeded");
            assertThat(record.at("/DDBStreamBatchInfo/startSequenceNumber").asText())
                    .isEqualTo(old.sequence());
        });
    }

    @Test
    void identifierThatIsNotInTheBatch_failsTheWholeBatch() {
        List<StreamRecord> records = append(2);
        AtomicBoolean answered = new AtomicBoolean();
        RecordingFunction function =
                new RecordingFunction(sequences -> answered.getAndSet(true) ? ok() : failedFrom("not-a-number"));

        run(config(10, 5, false, 1, List.of()), function);

        awaitCheckpoint(records.get(1));
        assertThat(function.batchSizes()).containsExactly(2, 2);
    }

    @Test
    void parallelizationFactor_runsBatchesConcurrently_butKeepsEachKeysOrder() {
        List<StreamRecord> records = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (int key = 0; key < 8; key++) {
                records.add(stream.append("shard-1", "key-" + key, "MODIFY", NOW, "eu-west-1"));
            }
        }
        RecordingFunction function = new RecordingFunction(sequences -> ok(), Duration.ofMillis(20));

        run(config(5, -1, false, 4, List.of()), function);

        awaitCheckpoint(records.get(records.size() - 1));
        Map<String, String> keyOf = new HashMap<>();
        records.forEach(r -> keyOf.put(r.sequence(), r.partitionKey()));
        Map<String, List<Long>> seenPerKey = new HashMap<>();
        function.batches()
                .forEach(batch -> batch.forEach(sequence -> seenPerKey
                        .computeIfAbsent(keyOf.get(sequence), k -> new ArrayList<>())
                        .add(Long.parseLong(sequence))));
        assertThat(seenPerKey).hasSize(8);
        seenPerKey
                .values()
                .forEach(sequences -> assertThat(sequences).isSorted().hasSize(20));
        assertThat(function.maxConcurrent()).isBetween(2, 4);
    }

    @Test
    void childShard_isReadOnlyAfterItsParentIsClosedAndFinished() {
        stream.shard("shard-2", Optional.of("shard-1"));
        StreamRecord inChild = stream.append("shard-2", "k", "MODIFY", NOW, "eu-west-1");
        StreamRecord inParent = stream.append("shard-1", "k", "INSERT", NOW, "eu-west-1");
        RecordingFunction function = new RecordingFunction(sequences -> ok());

        run(config(10, -1, false, 1, List.of()), function);
        await().atMost(Duration.ofSeconds(5)).until(() -> function.batches().size() == 1);
        stream.close("shard-1");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> checkpoints.get(InMemoryStream.ARN, "shard-2").isPresent());
        assertThat(function.batches()).containsExactly(List.of(inParent.sequence()), List.of(inChild.sequence()));
        assertThat(checkpoints.isFinished(InMemoryStream.ARN, "shard-1")).isTrue();
    }

    @Test
    void newMappingWithTheSameCheckpoints_resumesAfterTheLastCheckpoint() {
        List<StreamRecord> first = append(3);
        RecordingFunction before = new RecordingFunction(sequences -> ok());
        EventSourceMapping mapping = run(config(10, -1, false, 1, List.of()), before);
        awaitCheckpoint(first.get(2));
        mapping.close();

        StreamRecord later = stream.append("shard-1", "later", "INSERT", NOW, "eu-west-1");
        RecordingFunction after = new RecordingFunction(sequences -> ok());
        run(config(10, -1, false, 1, List.of()), after);

        awaitCheckpoint(later);
        assertThat(after.batches()).containsExactly(List.of(later.sequence()));
    }

    @Test
    void timeoutOrCrash_countsAsAFunctionError_andIsRetried() {
        List<StreamRecord> records = append(1);
        List<InvocationResult> answers = new CopyOnWriteArrayList<>(List.of(
                new InvocationResult.TimedOut(Duration.ofSeconds(1)),
                new InvocationResult.Crashed("exit code 137"),
                ok()));
        Function<List<String>, InvocationResult> next = sequences -> answers.remove(0);
        RecordingFunction function = new RecordingFunction(next);

        EventSourceMapping mapping = run(config(10, -1, false, 1, List.of()), function);

        awaitCheckpoint(records.get(0));
        assertThat(function.batchSizes()).containsExactly(1, 1, 1);
        assertThat(mapping.metrics().failedInvokeEventCount()).isEqualTo(2);
        assertThat(mapping.metrics().invokedEventCount()).isEqualTo(3);
    }
}
