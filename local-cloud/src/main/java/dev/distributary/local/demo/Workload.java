package dev.distributary.local.demo;

import dev.distributary.fanout.Op;
import dev.distributary.local.LocalPlatform;
import dev.distributary.replication.writer.OriginStampingInterceptor;
import dev.distributary.replication.writer.ResidencyViolationException;
import dev.distributary.replication.writer.TombstoneWriter;
import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.KeyType;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.RoutingMode;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
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
 * The demo's writes: inserts, updates and tombstone deletes of items in every writing region
 * (each item is written only in the region that created it, so replication never has to settle
 * a conflict and the ground truth is exact), at a steady rate, through the origin-stamping
 * writer; plus one write that breaks residency (the writer must refuse it) and one poison record
 * that bypasses the writer with a corrupt stamp (the processors must quarantine it).
 */
final class Workload {
    private static final String[] STATUSES = {"PLACED", "PAID", "SHIPPED"};

    private final Topology topology;
    private final LocalPlatform platform;
    private final DemoOptions options;
    private final Clock clock = Clock.systemUTC();
    private final Random random;
    private final Map<String, DynamoDbClient> writers = new HashMap<>();
    private final Map<String, TombstoneWriter> tombstones = new HashMap<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> writtenPerRegion = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<Item> live = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private Poison poison;

    /** An item the workload created and may change again. */
    private static final class Item {
        final TableSpec table;
        final String region;
        final Map<String, AttributeValue> key;
        final String subject;
        final Map<String, String> attributes = new LinkedHashMap<>();
        long version;
        boolean busy;

        Item(TableSpec table, String region, Map<String, AttributeValue> key, String subject) {
            this.table = table;
            this.region = region;
            this.key = key;
            this.subject = subject;
        }
    }

    /** The poison record: where it was written, and how many processors must quarantine it. */
    record Poison(String table, String region, String subject, int expectedQuarantines) {
    }

    Workload(Topology topology, LocalPlatform platform, DemoOptions options) {
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
    void run() {
        ExecutorService pool = Executors.newFixedThreadPool(6, runnable -> {
            Thread thread = new Thread(runnable, "demo-writer");
            thread.setDaemon(true);
            return thread;
        });
        long interval = (long) (1_000_000_000L / options.ratePerSecond());
        long next = System.nanoTime();
        int residencyAt = options.events() / 3;
        int poisonAt = 2 * options.events() / 3;
        for (int i = 0; i < options.events(); i++) {
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
            next += interval;
            Runnable write = i == residencyAt ? this::breakResidency : i == poisonAt ? this::writePoison : nextWrite();
            pool.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
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

    List<Change> changes() {
        return List.copyOf(changes);
    }

    Map<String, Integer> writtenPerRegion() {
        Map<String, Integer> written = new LinkedHashMap<>();
        topology.regions().forEach(region -> written.put(region, writtenPerRegion.get(region).get()));
        return written;
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    Optional<Poison> poison() {
        return Optional.ofNullable(poison);
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
        List<String> regions = topology.regions().stream()
                .filter(r -> topology.tables().stream().anyMatch(t -> writingRegions(t).contains(r))).toList();
        String region = regions.get(random.nextInt(regions.size()));
        List<TableSpec> tables = topology.tables().stream().filter(t -> writingRegions(t).contains(region)).toList();
        TableSpec table = tables.get(random.nextInt(tables.size()));
        int n = sequence.incrementAndGet();
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(table.partitionKey().name(), keyValue(table.partitionKey(), region + "-" + n, n));
        table.sortKey().ifPresent(sort -> key.put(sort.name(), keyValue(sort, "v0", 0)));
        Item item = new Item(table, region, key, subject(table, key));
        item.attributes.put(table.entityTypeAttribute(), table.name().equals("orders") ? "order" : "record");
        item.attributes.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        item.busy = true;
        return () -> {
            item.version = 1;
            put(item, Op.INSERT);
            synchronized (this) {
                live.add(item);
                item.busy = false;
            }
        };
    }

    private void modify(Item item) {
        item.attributes.put("status", STATUSES[random.nextInt(STATUSES.length)]);
        item.version++;
        put(item, Op.MODIFY);
        synchronized (this) {
            item.busy = false;
        }
    }

    private void tombstone(Item item) {
        long sent = clock.millis();
        tombstones.get(item.region).delete(item.table.name(), item.key);
        record(item, Op.TOMBSTONE, sent);
        synchronized (this) {
            live.remove(item);
        }
    }

    private void put(Item item, Op op) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>(item.key);
        item.attributes.forEach((name, value) -> attributes.put(name, AttributeValue.fromS(value)));
        attributes.put("version", AttributeValue.fromN(Long.toString(item.version)));
        long sent = clock.millis();
        writers.get(item.region).putItem(b -> b.tableName(item.table.name()).item(attributes));
        record(item, op, sent);
    }

    private void record(Item item, Op op, long sent) {
        String dataClass = topology.defaultClass(item.table);
        changes.add(new Change(item.table.name(), item.region, item.subject, op, item.version, dataClass, Map.copyOf(item.attributes), sent));
        writtenPerRegion.get(item.region).incrementAndGet();
    }

    /** A write the writer must refuse: a class its table's zone does not allow. */
    private void breakResidency() {
        ResidencyPolicy residency = topology.residency();
        for (TableSpec table : topology.tables()) {
            for (String dataClass : residency.classes().keySet()) {
                if (!residency.permitsAll(dataClass, topology.replicaRegions(table))) {
                    String region = writingRegions(table).get(0);
                    Map<String, AttributeValue> item = new LinkedHashMap<>();
                    item.put(table.partitionKey().name(), keyValue(table.partitionKey(), "residency-breaker", 0));
                    table.sortKey().ifPresent(sort -> item.put(sort.name(), keyValue(sort, "v0", 0)));
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
    private void writePoison() {
        TableSpec table = topology.tables().stream()
                .min((a, b) -> Integer.compare(processingReplicas(a), processingReplicas(b)))
                .filter(t -> processingReplicas(t) > 0)
                .orElseThrow();
        String region = writingRegions(table).get(0);
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(table.partitionKey().name(), keyValue(table.partitionKey(), "poison", 0));
        table.sortKey().ifPresent(sort -> key.put(sort.name(), keyValue(sort, "v0", 0)));
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        item.put(table.stamp().originAttribute(), AttributeValue.fromN("42"));
        item.put(table.stamp().writeTimeAttribute(), AttributeValue.fromN(Long.toString(clock.millis())));
        platform.aws().dynamoDb(region).putItem(b -> b.tableName(table.name()).item(item));
        poison = new Poison(table.name(), region, subject(table, key), processingReplicas(table));
    }

    private int processingReplicas(TableSpec table) {
        return (int) topology.replicaRegions(table).stream().filter(topology.processingRegions()::contains).count();
    }

    private List<String> writingRegions(TableSpec table) {
        List<String> replicas = topology.replicaRegions(table);
        return topology.routing().mode() == RoutingMode.PRIMARY_REGION ? List.of(topology.routing().primary()) : replicas;
    }

    private static AttributeValue keyValue(KeyAttribute key, String text, long number) {
        return key.type() == KeyType.N ? AttributeValue.fromN(Long.toString(number)) : AttributeValue.fromS(text);
    }

    /** The key as envelopes write it: partition key first. */
    static String subject(TableSpec table, Map<String, AttributeValue> key) {
        StringBuilder subject = new StringBuilder(table.partitionKey().name()).append('=').append(text(key.get(table.partitionKey().name())));
        table.sortKey().ifPresent(sort -> subject.append(',').append(sort.name()).append('=').append(text(key.get(sort.name()))));
        return subject.toString();
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : value.n();
    }
}
