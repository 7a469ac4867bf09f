package dev.distributary.local.internal.streams;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every shard of one stream, as a single reader with no checkpoint of its own: each shard
 * from its start, parents before children (a shard is opened once its parent is read to its end,
 * or when its parent is no longer listed), new shards looked for whenever a shard ends or none is
 * open. It remembers the last record it handed over in each shard, so that after a failure it
 * resumes there instead of reading the stream again. Not thread-safe: one thread polls it.
 */
public final class StreamReader {
    private final ShardSource source;
    private final Map<String, String> iterators = new LinkedHashMap<>();
    private final Map<String, String> handledUpTo = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private boolean lookForShards = true;

    public StreamReader(ShardSource source) {
        this.source = source;
    }

    /**
     * Reads one page of up to {@code limit} records from each open shard and hands each record to
     * {@code handler}, in the shard's order. When the handler or a read throws, the exception
     * propagates; call {@link #reopen()} before polling again.
     *
     * @return how many records were handed over
     */
    public int poll(int limit, Consumer<StreamRecord> handler) {
        if (lookForShards || iterators.isEmpty()) {
            openReadyShards();
        }
        int handled = 0;
        for (Map.Entry<String, String> open : List.copyOf(iterators.entrySet())) {
            String shardId = open.getKey();
            ShardSource.Page page = source.read(open.getValue(), limit);
            for (StreamRecord record : page.records()) {
                handler.accept(record);
                handledUpTo.put(shardId, record.sequence());
                handled++;
            }
            if (page.nextIterator().isPresent()) {
                iterators.put(shardId, page.nextIterator().get());
            } else {
                iterators.remove(shardId);
                finished.add(shardId);
                lookForShards = true;
            }
        }
        return handled;
    }

    /** Drops every iterator (after a failure they may be stale); the next poll reopens each shard after its last handled record. */
    public void reopen() {
        iterators.clear();
        lookForShards = true;
    }

    /** The shards being read, for tests and diagnostics. */
    public Set<String> openShards() {
        return Set.copyOf(iterators.keySet());
    }

    private void openReadyShards() {
        List<ShardSource.Shard> shards = source.shards();
        Set<String> listed = new HashSet<>();
        shards.forEach(shard -> listed.add(shard.shardId()));
        for (ShardSource.Shard shard : shards) {
            String id = shard.shardId();
            boolean parentRead = shard.parentShardId()
                    .map(parent -> finished.contains(parent) || !listed.contains(parent))
                    .orElse(true);
            if (parentRead && !finished.contains(id) && !iterators.containsKey(id)) {
                String after = handledUpTo.get(id);
                iterators.put(
                        id,
                        source.iterator(
                                id,
                                after == null
                                        ? new ShardSource.Position.TrimHorizon()
                                        : new ShardSource.Position.AfterSequenceNumber(after)));
            }
        }
        lookForShards = false;
    }
}
