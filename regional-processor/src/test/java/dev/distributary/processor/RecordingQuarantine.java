package dev.distributary.processor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A quarantine queue in memory. */
final class RecordingQuarantine implements Quarantine {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public List<String> send(List<Entry> batch) {
        entries.addAll(batch);
        return batch.stream().map(Entry::eventId).toList();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
