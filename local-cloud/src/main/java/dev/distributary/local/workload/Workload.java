package dev.distributary.local.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValueJson;
import dev.distributary.change.Operation;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.streams.SdkChangeRecords;
import dev.distributary.replication.writer.OriginStampingInterceptor;
import dev.distributary.replication.writer.ResidencyViolationException;
import dev.distributary.replication.writer.TombstoneWriter;
import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.KeyType;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes at a steady rate and keeps the ground truth: inserts, updates and tombstone deletes of
 * items in every writing region (each item is written only in the region that created it, so
 * replication never has to settle a conflict and the ground truth is exact), through the
 * origin-stamping writer. Optionally: items of other data classes (those the writer would refuse
 * are written around it, stamped by hand), poison records at random positions (written around
 * the writer with an origin stamp of the wrong type), and one write the writer must refuse.
 * Every choice is drawn from the seed before the first write ({@link WorkloadPlan}); the writes of
 * one item are made one after the other, in the plan's order.
 */
public final class Workload {
    /** A data class no platform lists: permitted nowhere. */
    public static final String UNLISTED_CLASS = "unlisted";

    private final Topology topology;
    private final LocalPlatform platform;
    private final WorkloadOptions options;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, DynamoDbClient> writers = new HashMap<>();
    private final Map<String, TombstoneWriter> tombstones = new HashMap<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> writtenPerRegion = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Poison> poisons = new CopyOnWriteArrayList<>();

    /** An item the workload created: what its writes need to know of it. */
    private static final class Item {
        final TableSpec table;
        final String region;
        final Map<String, AttributeValue> key;
        final String subject;
        final String dataClass;
        final boolean aroundWriter;
        /** A write of it failed: its later writes are not made (the ground truth would not hold). */
        volatile boolean broken;

        Item(
                TableSpec table,
                String region,
                Map<String, AttributeValue> key,
                String subject,
                String dataClass,
                boolean aroundWriter) {
            this.table = table;
            this.region = region;
            this.key = key;
            this.subject = subject;
            this.dataClass = dataClass;
            this.aroundWriter = aroundWriter;
        }
    }

    /**
     * A poison record: where it was written, the item exactly as written (attribute-value JSON, so
     * a quarantine message's record can be compared with it), and how many processors must
     * quarantine it (every processing region its table replicates to).
     */
    public record Poison(String table, String region, String subject, ObjectNode item, int expectedQuarantines) {}

    public Workload(Topology topology, LocalPlatform platform, WorkloadOptions options) {
        this.topology = topology;
        this.platform = platform;
        this.options = options;
        for (String region : topology.regions()) {
            DynamoDbClient client = platform.aws()
                    .configure(DynamoDbClient.builder(), region)
                    .httpClient(platform.aws().httpClient())
                    .overrideConfiguration(
                            c -> c.addExecutionInterceptor(new OriginStampingInterceptor(region, topology, clock)))
                    .build();
            writers.put(region, client);
            tombstones.put(region, new TombstoneWriter(client, topology, region, clock));
            writtenPerRegion.put(region, new AtomicInteger());
        }
    }

    /** Makes every write of the seed's plan at the configured rate; returns when all have completed. */
    public void run() {
        ExecutorService pool = Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable, "workload-writer");
            thread.setDaemon(true);
            return thread;
        });
        Map<Integer, Item> items = new HashMap<>();
        Map<Integer, CompletableFuture<Void>> lastOfItem = new HashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long interval = (long) (1_000_000_000L / options.ratePerSecond());
        long next = System.nanoTime();
        for (WorkloadPlan.Write write : WorkloadPlan.of(topology, options).writes()) {
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            next += interval;
            if (write instanceof WorkloadPlan.ItemWrite itemWrite) {
                if (itemWrite instanceof WorkloadPlan.Insert insert) {
                    items.put(insert.item(), created(insert));
                }
                Item item = items.get(itemWrite.item());
                Runnable task = guarded(item, () -> write(item, itemWrite));
                all.add(lastOfItem.compute(
                        itemWrite.item(),
                        (number, last) ->
                                last == null ? CompletableFuture.runAsync(task, pool) : last.thenRunAsync(task, pool)));
            } else {
                Runnable task = guarded(
                        null,
                        write instanceof WorkloadPlan.Poison poison ? () -> writePoison(poison) : this::breakResidency);
                all.add(CompletableFuture.runAsync(task, pool));
            }
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            failures.add("the writes did not complete: " + e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs a write, counting it and keeping its failure (after which the item's later writes are skipped). */
    private Runnable guarded(Item item, Runnable write) {
        return () -> {
            try {
                if (item == null || !item.broken) {
                    write.run();
                }
            } catch (RuntimeException e) {
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                if (item != null) {
                    item.broken = true;
                }
            } finally {
                operations.incrementAndGet();
            }
        };
    }

    private Item created(WorkloadPlan.Insert insert) {
        TableSpec table = topology.requireTable(insert.table());
        Map<String, AttributeValue> key = key(table, insert.region() + "-" + insert.item(), insert.item());
        boolean aroundWriter = !topology.residency().permitsAll(insert.dataClass(), topology.replicaRegions(table));
        return new Item(table, insert.region(), key, subject(table, key), insert.dataClass(), aroundWriter);
    }

    private void write(Item item, WorkloadPlan.ItemWrite write) {
        if (write instanceof WorkloadPlan.Insert insert) {
            put(item, Operation.INSERT, 1, insert.status());
        } else if (write instanceof WorkloadPlan.Modify modify) {
            put(item, Operation.MODIFY, modify.version(), modify.status());
        } else if (write instanceof WorkloadPlan.Tombstone tombstone) {
            long sent = clock.millis();
            tombstones.get(item.region).delete(item.table.name(), item.key);
            record(item, Operation.TOMBSTONE, tombstone.version(), attributes(item, tombstone.status()), sent);
        }
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Operations completed so far (accepted, refused or failed), for progress. */
    public int completed() {
        return operations.get();
    }

    public Map<String, Integer> writtenPerRegion() {
        Map<String, Integer> written = new LinkedHashMap<>();
        topology.regions()
                .forEach(region ->
                        written.put(region, writtenPerRegion.get(region).get()));
        return written;
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public List<Poison> poisons() {
        return List.copyOf(poisons);
    }

    /** What was written so far, for the judges. */
    public Written written() {
        return new Written(changes, poisons, failures, refusals);
    }

    /** The first poison record, if any was written. */
    public Optional<Poison> poison() {
        return poisons.stream().findFirst();
    }

    /** The item's attributes consumers may filter on: its entity type and status. */
    private static Map<String, String> attributes(Item item, String status) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(item.table.entityTypeAttribute(), item.table.name().equals("orders") ? "order" : "record");
        attributes.put("status", status);
        return attributes;
    }

    private void put(Item item, Operation op, long version, String status) {
        Map<String, String> strings = attributes(item, status);
        Map<String, AttributeValue> attributes = new LinkedHashMap<>(item.key);
        strings.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        attributes.put("version", AttributeValue.fromN(Long.toString(version)));
        if (!item.dataClass.equals(topology.defaultClass(item.table))) {
            attributes.put(topology.residency().attribute(), AttributeValue.fromS(item.dataClass));
        }
        long sent = clock.millis();
        if (item.aroundWriter) {
            attributes.put(item.table.stamp().originAttribute(), AttributeValue.fromS(item.region));
            attributes.put(item.table.stamp().writeTimeAttribute(), AttributeValue.fromN(Long.toString(sent)));
            platform.aws()
                    .dynamoDb(item.region)
                    .putItem(b -> b.tableName(item.table.name()).item(attributes));
        } else {
            writers.get(item.region).putItem(b -> b.tableName(item.table.name()).item(attributes));
        }
        record(item, op, version, strings, sent);
    }

    private void record(Item item, Operation op, long version, Map<String, String> attributes, long sent) {
        changes.add(new Change(
                item.table.name(),
                item.region,
                item.subject,
                op,
                version,
                item.dataClass,
                Map.copyOf(attributes),
                sent));
        writtenPerRegion.get(item.region).incrementAndGet();
    }

    /** A write the writer must refuse: a class its table's zone does not allow. */
    private void breakResidency() {
        ResidencyPolicy residency = topology.residency();
        for (TableSpec table : topology.tables()) {
            for (String dataClass : residency.classes().keySet()) {
                if (!residency.permitsAll(dataClass, topology.replicaRegions(table))) {
                    String region = topology.writingRegions(table).get(0);
                    Map<String, AttributeValue> item = new LinkedHashMap<>(key(table, "residency-breaker", 0));
                    item.put(residency.attribute(), AttributeValue.fromS(dataClass));
                    try {
                        writers.get(region)
                                .putItem(b -> b.tableName(table.name()).item(item));
                        failures.add("the writer accepted a '" + dataClass + "' item in table " + table.name()
                                + ", which replicates outside its zone");
                    } catch (ResidencyViolationException refused) {
                        refusals.add(refused.getMessage());
                    }
                    return;
                }
            }
        }
    }

    /** A record no processor can classify: written around the writer, with an origin that is a number. */
    private void writePoison(WorkloadPlan.Poison poison) {
        TableSpec table = topology.requireTable(poison.table());
        int position = poison.position();
        Map<String, AttributeValue> key = key(table, "poison-" + position, -1L - position);
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put("payload", AttributeValue.fromS("poison record " + position + " written at position " + position));
        item.put(table.stamp().originAttribute(), AttributeValue.fromN("42"));
        item.put(table.stamp().writeTimeAttribute(), AttributeValue.fromN(Long.toString(clock.millis())));
        platform.aws()
                .dynamoDb(poison.region())
                .putItem(b -> b.tableName(table.name()).item(item));
        poisons.add(new Poison(
                table.name(),
                poison.region(),
                subject(table, key),
                AttributeValueJson.writeImage(SdkChangeRecords.image(item)),
                WorkloadPlan.processingReplicas(topology, table)));
    }

    private static Map<String, AttributeValue> key(TableSpec table, String text, long number) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(table.partitionKey().name(), keyValue(table.partitionKey(), text, number));
        table.sortKey().ifPresent(sort -> key.put(sort.name(), keyValue(sort, "v0", 0)));
        return key;
    }

    private static AttributeValue keyValue(KeyAttribute key, String text, long number) {
        return key.type() == KeyType.N ? AttributeValue.fromN(Long.toString(number)) : AttributeValue.fromS(text);
    }

    /** The key as envelopes write it: partition key first. */
    public static String subject(TableSpec table, Map<String, AttributeValue> key) {
        StringBuilder subject = new StringBuilder(table.partitionKey().name())
                .append('=')
                .append(text(key.get(table.partitionKey().name())));
        table.sortKey()
                .ifPresent(sort ->
                        subject.append(',').append(sort.name()).append('=').append(text(key.get(sort.name()))));
        return subject.toString();
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : value.n();
    }
}
