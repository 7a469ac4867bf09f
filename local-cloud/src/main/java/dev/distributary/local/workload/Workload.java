package dev.distributary.local.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValueJson;
import dev.distributary.change.Operation;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.esm.SdkChangeRecords;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
 */
public final class Workload {
    /** A data class no platform lists: permitted nowhere. */
    public static final String UNLISTED_CLASS = "unlisted";
    private static final String[] STATUSES = {"PLACED", "PAID", "SHIPPED"};

    private final Topology topology;
    private final LocalPlatform platform;
    private final WorkloadOptions options;
    private final Clock clock = Clock.systemUTC();
    private final Random random;
    private final Map<String, DynamoDbClient> writers = new HashMap<>();
    private final Map<String, TombstoneWriter> tombstones = new HashMap<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> writtenPerRegion = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Poison> poisons = new CopyOnWriteArrayList<>();
    private final List<Item> live = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();

    /** An item the workload created and may change again. */
    private static final class Item {
        final TableSpec table;
        final String region;
        final Map<String, AttributeValue> key;
        final String subject;
        final String dataClass;
        final boolean aroundWriter;
        final Map<String, String> attributes = new LinkedHashMap<>();
        long version;
        boolean busy;

        Item(TableSpec table, String region, Map<String, AttributeValue> key, String subject, String dataClass, boolean aroundWriter) {
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
    public record Poison(String table, String region, String subject, ObjectNode item, int expectedQuarantines) {
    }

    public Workload(Topology topology, LocalPlatform platform, WorkloadOptions options) {
        this.topology = topology;
        this.platform = platform;
        this.options = options;
        this.random = new Random(options.seed());
        for (String region : topology.regions()) {
            DynamoDbClient client = platform.aws().configure(DynamoDbClient.builder(), region).httpClient(platform.aws().httpClient())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new OriginStampingInterceptor(region, topology, clock))).build();
            writers.put(region, client);
            tombstones.put(region, new TombstoneWriter(client, topology, region, clock));
            writtenPerRegion.put(region, new AtomicInteger());
        }
    }

    /** Makes every write at the configured rate; returns when all have completed. */
    public void run() {
        ExecutorService pool = Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable, "workload-writer");
            thread.setDaemon(true);
            return thread;
        });
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < options.events(); i++) {
            positions.add(i);
        }
        Collections.shuffle(positions, random);
        Set<Integer> poisonAt = new HashSet<>(positions.subList(0, options.poisonRecords()));
        int refusedAt = options.refusedWrite() ? positions.get(options.poisonRecords()) : -1;
        long interval = (long) (1_000_000_000L / options.ratePerSecond());
        long next = System.nanoTime();
        for (int i = 0; i < options.events(); i++) {
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            next += interval;
            int n = i;
            Runnable write = i == refusedAt ? this::breakResidency : poisonAt.contains(i) ? () -> writePoison(n) : nextWrite();
            pool.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                } finally {
                    operations.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        topology.regions().forEach(region -> written.put(region, writtenPerRegion.get(region).get()));
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

    /** The first poison record, if any was written. */
    public Optional<Poison> poison() {
        return poisons.stream().findFirst();
    }

    /** Chooses the next ordinary write, under the lock that guards the items' state. */
    private synchronized Runnable nextWrite() {
        List<Item> idle = live.stream().filter(item -> !item.busy).toList();
        double roll = random.nextDouble();
        if (idle.isEmpty() || roll < 0.55) {
            return insert();
        }
        Item item = idle.get(random.nextInt(idle.size()));
        item.busy = true;
        return roll < 0.85 ? () -> modify(item) : () -> tombstone(item);
    }

    /** A new item: a writing region first (so regions share the load), then one of the tables it can write. */
    private Runnable insert() {
        List<String> regions = topology.writingRegions();
        String region = regions.get(random.nextInt(regions.size()));
        List<TableSpec> tables = topology.tables().stream().filter(t -> topology.writingRegions(t).contains(region)).toList();
        TableSpec table = tables.get(random.nextInt(tables.size()));
        int n = sequence.incrementAndGet();
        Map<String, AttributeValue> key = key(table, region + "-" + n, n);
        String dataClass = topology.defaultClass(table);
        if (options.otherClassShare() > 0 && random.nextDouble() < options.otherClassShare()) {
            List<String> others = new ArrayList<>(topology.residency().classes().keySet());
            others.remove(dataClass);
            others.add(UNLISTED_CLASS);
            dataClass = others.get(random.nextInt(others.size()));
        }
        boolean aroundWriter = !topology.residency().permitsAll(dataClass, topology.replicaRegions(table));
        Item item = new Item(table, region, key, subject(table, key), dataClass, aroundWriter);
        item.attributes.put(table.entityTypeAttribute(), table.name().equals("orders") ? "order" : "record");
        item.attributes.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        item.busy = true;
        return () -> {
            item.version = 1;
            put(item, Operation.INSERT);
            synchronized (this) {
                live.add(item);
                item.busy = false;
            }
        };
    }

    private void modify(Item item) {
        item.attributes.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        item.version++;
        put(item, Operation.MODIFY);
        synchronized (this) {
            item.busy = false;
        }
    }

    private void tombstone(Item item) {
        long sent = clock.millis();
        tombstones.get(item.region).delete(item.table.name(), item.key);
        record(item, Operation.TOMBSTONE, sent);
        synchronized (this) {
            live.remove(item);
        }
    }

    private void put(Item item, Operation op) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>(item.key);
        item.attributes.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        attributes.put("version", AttributeValue.fromN(Long.toString(item.version)));
        if (!item.dataClass.equals(topology.defaultClass(item.table))) {
            attributes.put(topology.residency().attribute(), AttributeValue.fromS(item.dataClass));
        }
        long sent = clock.millis();
        if (item.aroundWriter) {
            attributes.put(item.table.stamp().originAttribute(), AttributeValue.fromS(item.region));
            attributes.put(item.table.stamp().writeTimeAttribute(), AttributeValue.fromN(Long.toString(sent)));
            platform.aws().dynamoDb(item.region).putItem(b -> b.tableName(item.table.name()).item(attributes));
        } else {
            writers.get(item.region).putItem(b -> b.tableName(item.table.name()).item(attributes));
        }
        record(item, op, sent);
    }

    private void record(Item item, Operation op, long sent) {
        changes.add(new Change(item.table.name(), item.region, item.subject, op, item.version, item.dataClass, Map.copyOf(item.attributes), sent));
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
                        writers.get(region).putItem(b -> b.tableName(table.name()).item(item));
                        failures.add("the writer accepted a '" + dataClass + "' item in table " + table.name() + ", which replicates outside its zone");
                    } catch (ResidencyViolationException refused) {
                        refusals.add(refused.getMessage());
                    }
                    return;
                }
            }
        }
    }

    /** A record no processor can classify: written around the writer, with an origin that is a number. */
    private void writePoison(int position) {
        TableSpec table;
        String region;
        synchronized (this) {
            if (options.poisonAnywhere()) {
                List<String> regions = topology.writingRegions();
                region = regions.get(random.nextInt(regions.size()));
                List<TableSpec> tables = topology.tables().stream().filter(t -> topology.writingRegions(t).contains(region)
                        && processingReplicas(t) > 0).toList();
                table = tables.get(random.nextInt(tables.size()));
            } else {
                table = topology.tables().stream()
                        .min((a, b) -> Integer.compare(processingReplicas(a), processingReplicas(b)))
                        .filter(t -> processingReplicas(t) > 0)
                        .orElseThrow();
                region = topology.writingRegions(table).get(0);
            }
        }
        Map<String, AttributeValue> key = key(table, "poison-" + position, -1L - position);
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put("payload", AttributeValue.fromS("poison record " + position + " written at position " + position));
        item.put(table.stamp().originAttribute(), AttributeValue.fromN("42"));
        item.put(table.stamp().writeTimeAttribute(), AttributeValue.fromN(Long.toString(clock.millis())));
        platform.aws().dynamoDb(region).putItem(b -> b.tableName(table.name()).item(item));
        poisons.add(new Poison(table.name(), region, subject(table, key), AttributeValueJson.writeImage(SdkChangeRecords.image(item)),
                processingReplicas(table)));
    }

    private int processingReplicas(TableSpec table) {
        return (int) topology.replicaRegions(table).stream().filter(topology.processingRegions()::contains).count();
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
        StringBuilder subject = new StringBuilder(table.partitionKey().name()).append('=').append(text(key.get(table.partitionKey().name())));
        table.sortKey().ifPresent(sort -> subject.append(',').append(sort.name()).append('=').append(text(key.get(sort.name()))));
        return subject.toString();
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : value.n();
    }
}
