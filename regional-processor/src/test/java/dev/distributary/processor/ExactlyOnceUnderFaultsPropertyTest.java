package dev.distributary.processor;

import static dev.distributary.processor.Processors.PRIMARY;
import static dev.distributary.processor.Processors.SHIPPED;
import static dev.distributary.processor.Processors.config;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.StreamRecordJson;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.publish.FailureKind;
import dev.distributary.fanout.publish.PublishOutcome;
import dev.distributary.fanout.publish.PublishResult;
import dev.distributary.processor.idempotency.Checkpoint;
import dev.distributary.processor.idempotency.CheckpointLedger;
import dev.distributary.processor.idempotency.CheckpointStore;
import dev.distributary.processor.idempotency.InMemoryCheckpointStore;
import dev.distributary.processor.idempotency.PerRecordLedger;
import dev.distributary.processor.idempotency.PublishLedger;
import dev.distributary.processor.internal.pipeline.Tracer;
import dev.distributary.topology.IdempotencyLedger;
import dev.distributary.topology.Topology;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Exactly-once publishing, proved against the faults a shard meets, for both ledgers: one shard
 * delivered as Lambda delivers it (batches; a reported failure retried from there; a function
 * error retried whole, or bisected), with PublishBatch entries failing transiently, the function
 * dying right after a PublishBatch call was accepted (before the ledger heard of it), timeouts
 * mid-batch, quarantine sends failing and ledger writes failing (at most twice in a row: the
 * ledgers retry). Every record must reach every topic it goes to, and a record may reach a topic
 * twice only through a death: at most one chunk ({@value #CHUNK} records) per death.
 */
class ExactlyOnceUnderFaultsPropertyTest {
    private static final int CHUNK = 10;

    /** The function died: thrown past the pipeline, as a killed process ends an invocation. */
    static final class FunctionDied extends Error {
        FunctionDied() {
            super("the function died after PublishBatch was accepted", null, false, false);
        }
    }

    record Faults(
            double transientEntry,
            double deathAfterPublish,
            double timeout,
            double quarantineFailure,
            double ledgerFailure,
            int batchSize,
            boolean bisect,
            long seed) {}

    record Shard(boolean primaryRegion, int records, BigInteger firstSequence) {}

    @Property(tries = 120)
    void everyRecordReachesEachOfItsTopics_andOnlyADeathRepublishes_atMostOneChunkEach(
            @ForAll IdempotencyLedger ledger, @ForAll("shards") Shard shard, @ForAll("faults") Faults faults) {
        Topology topology = shard.primaryRegion() ? PRIMARY : SHIPPED;
        String region = shard.primaryRegion() ? "eu-west-1" : "us-east-1";
        String[] topics = shard.primaryRegion() ? topology.regions().toArray(String[]::new) : new String[] {region};
        ProcessorConfig config = config(topology, region, topics);
        List<ObjectNode> records = records(region, shard);
        Random random = new Random(faults.seed());
        MovingClock clock = new MovingClock();
        FaultyPublisher publisher = new FaultyPublisher(random, faults);
        FaultyQuarantine quarantine = new FaultyQuarantine(random, faults.quarantineFailure());
        PublishLedger publishLedger = ledger(ledger, random, faults.ledgerFailure());

        Deliveries deliveries = new Deliveries(records, faults.batchSize(), faults.bisect());
        StreamProcessor processor = null;
        int invocations = 0;
        while (deliveries.hasNext()) {
            assertThat(++invocations).as("the shard is read to its end").isLessThan(5_000);
            if (processor == null) {
                processor = new StreamProcessor(
                        config,
                        publisher,
                        publishLedger,
                        quarantine,
                        ProcessorMetrics.NONE,
                        Tracer.NONE,
                        clock,
                        clock::advanceMillis);
            }
            List<ObjectNode> batch = deliveries.next();
            AtomicInteger chunksLeft =
                    new AtomicInteger(random.nextDouble() < faults.timeout() ? random.nextInt(3) : Integer.MAX_VALUE);
            try {
                BatchResult result = processor.process(
                        Processors.SHARD, batch, () -> chunksLeft.getAndDecrement() > 0 ? 60_000 : 1_000);
                deliveries.answered(result.retryFrom());
            } catch (FunctionDied died) {
                deliveries.functionError();
                processor = null;
                clock.advanceMillis(61_000);
            }
            clock.advanceMillis(1_000);
        }

        Map<String, Integer> excess = publisher.excessPerTopic();
        for (String topic : topics) {
            Map<String, Integer> received = publisher.counts(Processors.topicArn(topic));
            for (ObjectNode record : records) {
                if (goesTo(record, topic, shard)) {
                    assertThat(received)
                            .as("record " + record.get("eventID").asText() + " on " + topic)
                            .containsKey(record.get("eventID").asText());
                }
            }
        }
        excess.forEach((topic, extra) -> assertThat(extra)
                .as("copies beyond the first on " + topic + " (" + publisher.deaths + " deaths)")
                .isLessThanOrEqualTo(CHUNK * publisher.deaths));
        assertThat(quarantine.eventIds())
                .as("every residency violation is quarantined")
                .containsAll(records.stream()
                        .filter(ExactlyOnceUnderFaultsPropertyTest::violatesResidency)
                        .map(r -> r.get("eventID").asText())
                        .toList());
        if (publisher.deaths == 0) {
            assertThat(quarantine.duplicates())
                    .as("no record is quarantined twice without a death")
                    .isZero();
        }
    }

    @Property(tries = 40)
    void withoutFaults_redeliveringAnyHandledBatch_publishesNothingAgain(
            @ForAll IdempotencyLedger ledger, @ForAll("shards") Shard shard) {
        ProcessorConfig config = config(SHIPPED, "us-east-1");
        List<ObjectNode> records = records("us-east-1", new Shard(false, shard.records(), shard.firstSequence()));
        FaultyPublisher publisher = new FaultyPublisher(new Random(1), new Faults(0, 0, 0, 0, 0, 100, false, 1));
        StreamProcessor processor = new StreamProcessor(
                config,
                publisher,
                TestLedgers.inMemory(ledger),
                new FaultyQuarantine(new Random(1), 0),
                ProcessorMetrics.NONE,
                Clock.fixed(Instant.ofEpochSecond(1_000_000), ZoneOffset.UTC));

        processor.process(Processors.SHARD, records, () -> 60_000);
        BatchResult again = processor.process(Processors.SHARD, records, () -> 60_000);

        assertThat(publisher.excessPerTopic().values()).allMatch(extra -> extra == 0);
        assertThat(again.outcomes()).allMatch(outcome -> outcome instanceof RecordOutcome.Skipped);
    }

    @Provide
    Arbitrary<Shard> shards() {
        Arbitrary<BigInteger> first = Arbitraries.of(
                new BigInteger("9990"),
                new BigInteger("99999990"),
                new BigInteger("999999999999999999999999999999999990"),
                new BigInteger("49600000000000000000001"));
        return Combinators.combine(
                        Arbitraries.of(false, true), Arbitraries.integers().between(1, 60), first)
                .as(Shard::new);
    }

    @Provide
    Arbitrary<Faults> faults() {
        return Combinators.combine(
                        Arbitraries.of(0.0, 0.05, 0.3),
                        Arbitraries.of(0.0, 0.1, 0.3),
                        Arbitraries.of(0.0, 0.2),
                        Arbitraries.of(0.0, 0.2),
                        Arbitraries.of(0.0, 0.3),
                        Arbitraries.of(1, 3, 10, 25, 100),
                        Arbitraries.of(false, true),
                        Arbitraries.longs())
                .as(Faults::new);
    }

    /** Local inserts, replicated modifies and residency violations, with consecutive sequence numbers from the shard's first. */
    private static List<ObjectNode> records(String region, Shard shard) {
        ChangeRecords local = ChangeRecords.in(region, "orders");
        List<ObjectNode> records = new ArrayList<>();
        for (int i = 0; i < shard.records(); i++) {
            var keys = Items.of("pk", AttributeValue.s("order-" + i), "sk", AttributeValue.s("v0"));
            String origin = i % 5 == 3 && !shard.primaryRegion() ? "eu-west-1" : region;
            var image = Items.with(keys, "entityType", AttributeValue.s("order"), "status", AttributeValue.s("PLACED"));
            if (i % 7 == 6) {
                image = Items.with(image, "dataClass", AttributeValue.s("eu-personal"));
            }
            ObjectNode record =
                    StreamRecordJson.write(local.insert(keys, Items.stamped(image, origin, 1_795_687_200_000L + i)));
            ((ObjectNode) record.get("dynamodb"))
                    .put(
                            "SequenceNumber",
                            shard.firstSequence().add(BigInteger.valueOf(i)).toString());
            records.add(record);
        }
        return records;
    }

    private static boolean violatesResidency(ObjectNode record) {
        return "eu-personal".equals(record.at("/dynamodb/NewImage/dataClass/S").asText(null))
                && !record.get("eventSourceARN").asText().contains(":eu-");
    }

    private static boolean goesTo(ObjectNode record, String topicRegion, Shard shard) {
        boolean euPersonal =
                "eu-personal".equals(record.at("/dynamodb/NewImage/dataClass/S").asText(null));
        if (!shard.primaryRegion()) {
            return !euPersonal;
        }
        return !euPersonal || topicRegion.startsWith("eu-");
    }

    private static PublishLedger ledger(IdempotencyLedger kind, Random random, double failure) {
        return switch (kind) {
            case CHECKPOINT ->
                new CheckpointLedger(
                        new FlakyCheckpointStore(new InMemoryCheckpointStore(), random, failure),
                        "shop-processor",
                        TestLedgers.EXPIRY);
            case PER_RECORD -> new PerRecordLedger(new FlakyRecordLedger(new InMemoryRecordLedger(), random, failure));
        };
    }

    /**
     * One shard as Lambda's event source mapping hands it out: batches in order; a reported
     * failure retried from that record; a function error retried whole, or split in halves when
     * bisect is on. Retries here are unlimited, so nothing reaches the on-failure destination.
     */
    private static final class Deliveries {
        private final List<ObjectNode> records;
        private final int batchSize;
        private final boolean bisect;
        private final Deque<List<ObjectNode>> pending = new ArrayDeque<>();
        private int nextUnread;
        private List<ObjectNode> current;

        Deliveries(List<ObjectNode> records, int batchSize, boolean bisect) {
            this.records = records;
            this.batchSize = batchSize;
            this.bisect = bisect;
        }

        boolean hasNext() {
            return !pending.isEmpty() || nextUnread < records.size();
        }

        List<ObjectNode> next() {
            if (pending.isEmpty()) {
                int end = Math.min(records.size(), nextUnread + batchSize);
                pending.add(List.copyOf(records.subList(nextUnread, end)));
                nextUnread = end;
            }
            current = pending.pollFirst();
            return current;
        }

        void answered(Optional<String> retryFrom) {
            retryFrom.ifPresent(sequence -> {
                int from = 0;
                while (!current.get(from)
                        .at("/dynamodb/SequenceNumber")
                        .asText()
                        .equals(sequence)) {
                    from++;
                }
                pending.addFirst(List.copyOf(current.subList(from, current.size())));
            });
        }

        void functionError() {
            if (bisect && current.size() > 1) {
                int half = current.size() / 2;
                pending.addFirst(List.copyOf(current.subList(half, current.size())));
                pending.addFirst(List.copyOf(current.subList(0, half)));
            } else {
                pending.addFirst(current);
            }
        }
    }

    /** Topics in memory, whose entries fail transiently at random, and whose accepted calls may kill the function. */
    private static final class FaultyPublisher implements Publisher {
        private final Random random;
        private final Faults faults;
        private final Map<String, Map<String, Integer>> received = new HashMap<>();
        int deaths;

        FaultyPublisher(Random random, Faults faults) {
            this.random = random;
            this.faults = faults;
        }

        @Override
        public PublishResult publish(String topicArn, List<Envelope> envelopes) {
            List<PublishOutcome> outcomes = new ArrayList<>();
            for (Envelope envelope : envelopes) {
                if (random.nextDouble() < faults.transientEntry()) {
                    outcomes.add(new PublishOutcome.Failed(
                            envelope.eventId(), "Throttling", "Rate exceeded", FailureKind.TRANSIENT));
                } else {
                    received.computeIfAbsent(topicArn, t -> new HashMap<>()).merge(envelope.eventId(), 1, Integer::sum);
                    outcomes.add(new PublishOutcome.Published(envelope.eventId(), "m"));
                }
            }
            if (random.nextDouble() < faults.deathAfterPublish()) {
                deaths++;
                throw new FunctionDied();
            }
            return new PublishResult(outcomes, 1);
        }

        Map<String, Integer> counts(String topicArn) {
            return received.getOrDefault(topicArn, Map.of());
        }

        Map<String, Integer> excessPerTopic() {
            Map<String, Integer> excess = new HashMap<>();
            received.forEach((topic, counts) -> excess.put(
                    topic, counts.values().stream().mapToInt(count -> count - 1).sum()));
            return excess;
        }
    }

    /** A quarantine queue in memory whose sends fail at random after accepting a prefix of the entries. */
    private static final class FaultyQuarantine implements Quarantine {
        private final Random random;
        private final double failure;
        private final Map<String, Integer> received = new HashMap<>();

        FaultyQuarantine(Random random, double failure) {
            this.random = random;
            this.failure = failure;
        }

        @Override
        public Sent send(List<Entry> entries) {
            int accepted = random.nextDouble() < failure ? random.nextInt(entries.size() + 1) : entries.size();
            entries.subList(0, accepted).forEach(entry -> received.merge(entry.eventId(), 1, Integer::sum));
            Optional<RuntimeException> failed = accepted < entries.size()
                    ? Optional.of(new IllegalStateException("SQS is throttling"))
                    : Optional.empty();
            return new Sent(
                    entries.subList(0, accepted).stream().map(Entry::eventId).toList(), failed);
        }

        List<String> eventIds() {
            return List.copyOf(received.keySet());
        }

        int duplicates() {
            return received.values().stream().mapToInt(count -> count - 1).sum();
        }
    }

    /** Failures at random, never three in a row (the ledgers try a write three times). */
    private static final class Flakiness {
        private final Random random;
        private final double failure;
        private int failuresInARow;

        Flakiness(Random random, double failure) {
            this.random = random;
            this.failure = failure;
        }

        /** Throws, now and then, before the write it guards lands. */
        synchronized void maybeFail() {
            if (failuresInARow < 2 && random.nextDouble() < failure) {
                failuresInARow++;
                throw new IllegalStateException("ProvisionedThroughputExceeded");
            }
            failuresInARow = 0;
        }
    }

    /** Checkpoint writes that fail at random before they land. */
    private static final class FlakyCheckpointStore implements CheckpointStore {
        private final CheckpointStore store;
        private final Flakiness flakiness;

        FlakyCheckpointStore(CheckpointStore store, Random random, double failure) {
            this.store = store;
            this.flakiness = new Flakiness(random, failure);
        }

        @Override
        public Checkpoint read(String key) {
            return store.read(key);
        }

        @Override
        public void write(String key, Checkpoint next, Instant expiresAt) {
            flakiness.maybeFail();
            store.write(key, next, expiresAt);
        }
    }

    /** Completions that fail at random before they land. */
    private static final class FlakyRecordLedger implements dev.distributary.processor.idempotency.RecordLedger {
        private final InMemoryRecordLedger ledger;
        private final Flakiness flakiness;

        FlakyRecordLedger(InMemoryRecordLedger ledger, Random random, double failure) {
            this.ledger = ledger;
            this.flakiness = new Flakiness(random, failure);
        }

        @Override
        public Claim claim(String eventId, Instant now, int remainingMillis) {
            return ledger.claim(eventId, now, remainingMillis);
        }

        @Override
        public void complete(String eventId, Instant now) {
            ledger.complete(eventId, now);
        }

        @Override
        public void completeAll(List<String> eventIds, Instant now) {
            flakiness.maybeFail();
            ledger.completeAll(eventIds, now);
        }

        @Override
        public void publishedTo(String eventId, java.util.Set<String> regions, Instant now) {
            ledger.publishedTo(eventId, regions, now);
        }

        @Override
        public void release(String eventId) {
            ledger.release(eventId);
        }
    }

    /** A clock the test moves: between invocations, and when the pipeline waits for a held record. */
    private static final class MovingClock extends Clock {
        private long millis = 1_795_700_000_000L;

        synchronized void advanceMillis(long delta) {
            millis += delta;
        }

        @Override
        public synchronized Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
