package dev.distributary.local.chaos;

import java.util.List;

/**
 * What a chaos run proved: one row per scenario. Written as JSON by {@code distributary chaos --report FILE}.
 *
 * @param passed          every scenario passed
 * @param seed            seeds every choice of the run (workload, faults, replication jitter)
 * @param durationSeconds the whole run
 * @param scenarios       one row per scenario, in the order run
 */
public record ChaosReport(boolean passed, long seed, double durationSeconds, List<Row> scenarios) {

    public ChaosReport {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * One scenario's result.
     *
     * @param name            the scenario
     * @param events          records written: changes, poison records and malformed records
     * @param lost            expected deliveries that never arrived (and records neither delivered nor quarantined)
     * @param duplicated      deliveries of a change its queue had already received
     * @param leaked          deliveries to a region the change's data class may not reach
     * @param quarantined     messages in the quarantine queues
     * @param iamDenied       calls a function made that its role's policy does not allow (AWS would refuse them)
     * @param passed          every check held
     * @param detail          what the run saw, in a sentence or two; the failed checks first when it failed
     * @param checks          each hard assertion with its counts
     * @param durationSeconds the scenario, start-up of its platform included
     */
    public record Row(String name, long events, long lost, long duplicated, long leaked, long quarantined, long iamDenied, boolean passed, String detail,
            List<Check> checks, double durationSeconds) {
        public Row {
            checks = List.copyOf(checks);
        }
    }
}
