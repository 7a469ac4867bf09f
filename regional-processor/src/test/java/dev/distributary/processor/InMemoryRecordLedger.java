package dev.distributary.processor;

import dev.distributary.processor.idempotency.RecordLedger;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The per-record ledger in memory, with Powertools' semantics (an in-progress claim expires with its invocation). */
final class InMemoryRecordLedger implements RecordLedger {
    private final Map<String, Instant> inProgressUntil = new ConcurrentHashMap<>();
    private final Map<String, Boolean> completed = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> partlyPublished = new ConcurrentHashMap<>();

    @Override
    public synchronized Claim claim(String eventId, Instant now, int remainingMillis) {
        if (completed.containsKey(eventId)) {
            return new Claim.AlreadyPublished();
        }
        if (partlyPublished.containsKey(eventId)) {
            return new Claim.PartlyPublished(partlyPublished.get(eventId));
        }
        Instant until = inProgressUntil.get(eventId);
        if (until != null && until.isAfter(now)) {
            return new Claim.InProgressElsewhere(until);
        }
        inProgressUntil.put(eventId, now.plusMillis(remainingMillis));
        return new Claim.Claimed();
    }

    @Override
    public synchronized void complete(String eventId, Instant now) {
        inProgressUntil.remove(eventId);
        partlyPublished.remove(eventId);
        completed.put(eventId, true);
    }

    @Override
    public synchronized void publishedTo(String eventId, Set<String> regions, Instant now) {
        inProgressUntil.remove(eventId);
        partlyPublished.put(eventId, Set.copyOf(regions));
    }

    @Override
    public synchronized void release(String eventId) {
        inProgressUntil.remove(eventId);
    }

    boolean isCompleted(String eventId) {
        return completed.containsKey(eventId);
    }

    boolean isHeld(String eventId) {
        return inProgressUntil.containsKey(eventId);
    }
}
