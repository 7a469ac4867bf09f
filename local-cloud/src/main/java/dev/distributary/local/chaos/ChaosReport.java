package dev.distributary.local.chaos;

import dev.distributary.local.demo.DemoReport;
import dev.distributary.local.internal.demo.DemoChecks;
import dev.distributary.local.internal.iam.Denial;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a chaos run proved: one row per scenario. Written as JSON by {@code distributary chaos --report FILE}.
 *
 * @param passed          every scenario passed
 * @param seed            fixes every choice of each scenario's workload, and seeds its faults and replication jitter
 * @param durationSeconds the whole run
 * @param scenarios       one row per scenario, in the order run
 */
public record ChaosReport(boolean passed, long seed, double durationSeconds, List<Row> scenarios) {

    public ChaosReport {
        scenarios = List.copyOf(scenarios);
    }

    /** The run passed when every scenario did (and at least one ran). */
    public static ChaosReport of(long seed, double durationSeconds, List<Row> scenarios) {
        return new ChaosReport(
                !scenarios.isEmpty() && scenarios.stream().allMatch(Row::passed), seed, durationSeconds, scenarios);
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
    public record Row(
            String name,
            long events,
            long lost,
            long duplicated,
            long leaked,
            long quarantined,
            long iamDenied,
            boolean passed,
            String detail,
            List<Check> checks,
            double durationSeconds) {
        public Row {
            checks = List.copyOf(checks);
        }

        /**
         * A scenario's row from its verdict, with the check every scenario shares: no call a function
         * made was denied by its role (AWS would refuse it). It passed when every check held; its
         * detail names the failed checks first.
         */
        public static Row of(
                String name,
                long events,
                long quarantined,
                Scenario.Verdict verdict,
                List<Denial> denials,
                double durationSeconds) {
            List<Check> checks = new ArrayList<>(verdict.checks());
            DemoReport.Check iam = DemoChecks.iam(denials);
            checks.add(Check.of(iam.name(), iam.passed(), iam.detail()));
            List<Check> failed = checks.stream().filter(c -> !c.passed()).toList();
            String detail = failed.isEmpty()
                    ? verdict.summary()
                    : failed.stream().map(c -> c.name() + ": " + c.detail()).collect(Collectors.joining("; ")) + ". "
                            + verdict.summary();
            return new Row(
                    name,
                    events,
                    verdict.lost(),
                    verdict.duplicated(),
                    verdict.leaked(),
                    quarantined,
                    denials.size(),
                    failed.isEmpty(),
                    detail,
                    checks,
                    durationSeconds);
        }
    }
}
