package dev.distributary.local.internal.proxy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One write at a time to each table. moto numbers a stream record by the stream's length when it
 * appends it ({@code len(items) + start}), and serves requests on several threads, so two writes to
 * one table at the same moment can get one sequence number — which DynamoDB never gives two records
 * of a shard, and which a reader that keeps its place by sequence number (the checkpoint ledger)
 * relies on. Writes to different tables still run side by side.
 */
final class TableWriteOrder {
    /** The DynamoDB operations that append stream records. */
    static final Set<String> WRITES = Set.of(
            "PutItem",
            "UpdateItem",
            "DeleteItem",
            "BatchWriteItem",
            "TransactWriteItems",
            "ExecuteStatement",
            "BatchExecuteStatement",
            "ExecuteTransaction");

    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** A piece of forwarding that may fail as the proxy's I/O does. */
    @FunctionalInterface
    interface Forward {
        void run() throws java.io.IOException;
    }

    /** Runs {@code forward} holding the locks of the tables a DynamoDB write names (in a fixed order), or none for any other call. */
    void run(ApiCall call, List<String> tables, Forward forward) throws java.io.IOException {
        if (!"dynamodb".equals(call.service()) || !WRITES.contains(call.operation()) || tables.isEmpty()) {
            forward.run();
            return;
        }
        List<ReentrantLock> held = tables.stream()
                .distinct()
                .sorted()
                .map(table -> locks.computeIfAbsent(call.region() + "/" + table, key -> new ReentrantLock()))
                .toList();
        held.forEach(ReentrantLock::lock);
        try {
            forward.run();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }
}
