package dev.distributary.local.workload;

import java.util.List;

/**
 * What a workload wrote, as plain values for the judges: the changes (the ground truth), the
 * poison records, the writes that failed and the writes the writer refused.
 */
public record Written(
        List<Change> changes, List<Workload.Poison> poisons, List<String> failures, List<String> refusals) {
    public Written {
        changes = List.copyOf(changes);
        poisons = List.copyOf(poisons);
        failures = List.copyOf(failures);
        refusals = List.copyOf(refusals);
    }
}
