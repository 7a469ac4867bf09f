package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The fields Lambda adds to every stream event of a mapping with a tumbling window: the window,
 * the state the function returned last in it, the shard ID and the stream ARN, and whether this
 * is the window's final invocation.
 */
public final class WindowedEvents {
    private WindowedEvents() {}

    /** The start of the window {@code instant} falls in, windows of {@code length} aligned to the epoch. */
    public static Instant windowStart(Instant instant, Duration length) {
        long millis = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), millis) * millis);
    }

    /** Adds the window's fields to an invocation's event. */
    public static void decorate(
            ObjectNode event,
            String streamArn,
            String shardId,
            Instant start,
            Duration length,
            Map<String, String> state,
            boolean finalInvoke) {
        ObjectNode window = event.putObject("window");
        window.put("start", start.toString());
        window.put("end", start.plus(length).toString());
        ObjectNode stateNode = event.putObject("state");
        state.forEach(stateNode::put);
        event.put("shardId", shardId);
        event.put("eventSourceARN", streamArn);
        event.put("isFinalInvokeForWindow", finalInvoke);
        event.put("isWindowTerminatedEarly", false);
    }
}
