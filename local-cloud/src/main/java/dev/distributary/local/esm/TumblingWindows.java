package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.local.internal.streams.StreamRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda's tumbling windows on one shard. Each record belongs to the window its approximate
 * creation time falls in (windows of the mapping's length, aligned to the epoch); a batch never
 * spans two windows. Every invocation carries the window, the state the function returned last
 * in it, the shard ID and the stream ARN, and the function's answer must carry a state (else it
 * is a failed invocation). When a window ends, Lambda invokes once more with no records and
 * {@code isFinalInvokeForWindow}, and retries that until it succeeds.
 */
final class TumblingWindows {
    private final Duration length;
    private final String streamArn;
    private final String shardId;
    private Instant start;
    private Map<String, String> state = Map.of();
    private boolean invoked;

    TumblingWindows(Duration length, String streamArn, String shardId) {
        if (length.isZero() || length.isNegative()) {
            throw new IllegalArgumentException("a tumbling window lasts at least a second, not " + length);
        }
        this.length = length;
        this.streamArn = streamArn;
        this.shardId = shardId;
    }

    /** The start of the window a record belongs to. */
    Instant windowOf(StreamRecord record) {
        return WindowedEvents.windowStart(record.approximateCreation(), length);
    }

    /** Consecutive records cut where their window changes. */
    List<List<StreamRecord>> split(List<StreamRecord> records) {
        List<List<StreamRecord>> runs = new ArrayList<>();
        Instant current = null;
        for (StreamRecord record : records) {
            Instant window = windowOf(record);
            if (!window.equals(current)) {
                runs.add(new ArrayList<>());
                current = window;
            }
            runs.get(runs.size() - 1).add(record);
        }
        return runs;
    }

    /** Whether the current window was invoked and must be closed before records of {@code window} go out. */
    boolean mustCloseBefore(Instant window) {
        return start != null && invoked && window.isAfter(start);
    }

    /** Whether the current window was invoked and has ended by {@code now}. */
    boolean endedBy(Instant now) {
        return start != null && invoked && !now.isBefore(start.plus(length));
    }

    /** Enters the window of the next batch: a new window starts with an empty state. */
    void enter(Instant window) {
        if (!window.equals(start)) {
            start = window;
            state = Map.of();
            invoked = false;
        }
    }

    /** Closes the current window after its final invocation succeeded. */
    void closed() {
        start = null;
        state = Map.of();
        invoked = false;
    }

    /** Adds the window's fields to an invocation's event. */
    void decorate(ObjectNode event, boolean finalInvoke) {
        WindowedEvents.decorate(event, streamArn, shardId, start, length, state, finalInvoke);
    }

    /** Takes the state from a successful answer; false when the answer has none (Lambda then counts the invocation as failed). */
    boolean accept(JsonNode response) {
        JsonNode returned = response == null ? null : response.get("state");
        if (returned == null || !returned.isObject()) {
            return false;
        }
        Map<String, String> next = new LinkedHashMap<>();
        returned.fields()
                .forEachRemaining(
                        entry -> next.put(entry.getKey(), entry.getValue().asText()));
        state = next;
        invoked = true;
        return true;
    }
}
