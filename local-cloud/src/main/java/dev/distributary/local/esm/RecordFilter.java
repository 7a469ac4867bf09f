package dev.distributary.local.esm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * The mapping's FilterCriteria, evaluated with AWS's Event Ruler (the pattern language Lambda
 * uses): a record passes when any pattern matches; with no patterns every record passes.
 */
final class RecordFilter {
    private final Machine machine;

    RecordFilter(List<String> patterns) {
        if (patterns.isEmpty()) {
            machine = null;
            return;
        }
        machine = new Machine();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                machine.addRule("pattern-" + i, patterns.get(i));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(
                        "filter pattern " + i + " is not a valid event pattern: " + e.getMessage() + " ("
                                + patterns.get(i) + ")",
                        e);
            }
        }
    }

    boolean passes(JsonNode record) {
        if (machine == null) {
            return true;
        }
        try {
            return !machine.rulesForJSONEvent(record).isEmpty();
        } catch (RuntimeException e) {
            // Lambda drops a record its filter cannot evaluate; the caller counts it as filtered out.
            return false;
        }
    }
}
