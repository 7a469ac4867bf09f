package dev.distributary.replication.esm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.StreamRecordJson;
import java.util.List;
import software.amazon.event.ruler.Machine;

/** FilterCriteria patterns evaluated as Lambda does, with AWS's Event Ruler: ORed; no patterns lets everything through. */
public final class RulerFilter {
    private final Machine machine = Machine.builder().build();
    private final boolean empty;

    public RulerFilter(List<String> patterns) {
        this.empty = patterns.isEmpty();
        try {
            for (int i = 0; i < patterns.size(); i++) {
                machine.addRule("pattern-" + i, patterns.get(i));
            }
        } catch (Exception e) {
            throw new IllegalArgumentException(
                    "Event Ruler refused a pattern: " + e.getMessage() + " in " + patterns, e);
        }
    }

    public boolean passes(JsonNode streamRecord) {
        if (empty) {
            return true;
        }
        try {
            return !machine.rulesForJSONEvent(streamRecord.toString()).isEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("Event Ruler could not read " + streamRecord, e);
        }
    }

    public boolean passes(ChangeRecord record) {
        return passes(StreamRecordJson.write(record));
    }

    /** The names of the patterns that match, for failure messages. */
    public List<String> matching(JsonNode streamRecord) throws Exception {
        return machine.rulesForJSONEvent(streamRecord.toString());
    }
}
