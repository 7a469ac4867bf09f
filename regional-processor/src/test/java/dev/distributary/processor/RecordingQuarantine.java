package dev.distributary.processor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A quarantine queue in memory. */
final class RecordingQuarantine implements Quarantine {
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public Sent send(List<Entry> batch) {
        entries.addAll(batch);
        return new Sent(batch.stream().map(Entry::eventId).toList(), Optional.empty());
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }
}
