package dev.distributary.local.internal.demo;

import dev.distributary.local.demo.DemoReport;
import dev.distributary.local.internal.iam.Denial;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Workload;
import java.util.List;
import java.util.Optional;

/**
 * The demo's promises, judged from what the run left behind as plain values: the deliveries'
 * {@link Tally} against the ground truth, the writer's refusals, the poison record and its
 * quarantine messages, the writes that failed, and the calls IAM denied. The demo passes when
 * every check holds.
 */
public final class DemoChecks {
    private DemoChecks() {}

    /**
     * The demo's checks, in the order the report lists them.
     *
     * @param tally             every delivery held against the platform's rules
     * @param refusals          the writes the origin-stamping writer refused for residency (the demo makes one)
     * @param poison            the poison record written around the writer, if any
     * @param poisonQuarantined quarantine messages for it
     * @param failures          writes that failed
     * @param written           writes accepted
     * @param denials           calls a function made that its role's policy does not allow
     */
    public static List<DemoReport.Check> of(
            Tally tally,
            List<String> refusals,
            Optional<Workload.Poison> poison,
            long poisonQuarantined,
            List<String> failures,
            long written,
            List<Denial> denials) {
        return List.of(
                new DemoReport.Check(
                        "nothing lost",
                        tally.lost() == 0,
                        tally.lost() + " of " + tally.expected() + " expected deliveries missing"
                                + examples(tally, "lost ")),
                new DemoReport.Check(
                        "nothing twice",
                        tally.duplicated() == 0,
                        tally.duplicated() + " duplicate deliveries" + examples(tally, "twice ")),
                new DemoReport.Check(
                        "nothing unexpected",
                        tally.unexpected() == 0,
                        tally.unexpected() + " deliveries the rules do not call for" + examples(tally, "unexpected ")),
                new DemoReport.Check(
                        "residency held",
                        tally.leaked() == 0,
                        tally.leaked() + " deliveries outside their class's zone"),
                new DemoReport.Check(
                        "per-item order kept",
                        tally.outOfOrder() == 0,
                        !tally.orderPromised()
                                ? "not promised by a standard fan-out (a FIFO fan-out keeps it)"
                                : tally.outOfOrder() + " deliveries after a later version of their item"
                                        + examples(tally, "out of order ")),
                new DemoReport.Check(
                        "residency-breaking write refused by the writer",
                        !refusals.isEmpty(),
                        refusals.isEmpty() ? "no refusal seen" : refusals.get(0)),
                new DemoReport.Check(
                        "poison record quarantined",
                        poison.isPresent() && poisonQuarantined == poison.get().expectedQuarantines(),
                        poison.map(p -> poisonQuarantined + " quarantine message(s) for it, " + p.expectedQuarantines()
                                        + " expected")
                                .orElse("no poison written")),
                new DemoReport.Check(
                        "every write succeeded",
                        failures.isEmpty(),
                        failures.isEmpty() ? written + " writes" : failures.size() + " failed: " + failures.get(0)),
                iam(denials));
    }

    /** Whether the demo kept every promise. */
    public static boolean passed(List<DemoReport.Check> checks) {
        return checks.stream().allMatch(DemoReport.Check::passed);
    }

    /** Every call a function made was allowed by its role's policy, as AWS requires; else the first denial, with its action and resource. */
    public static DemoReport.Check iam(List<Denial> denials) {
        return new DemoReport.Check(
                "every call allowed by the function's role",
                denials.isEmpty(),
                denials.isEmpty()
                        ? "no call denied"
                        : denials.size() + " call(s) denied, the first: "
                                + denials.get(0).describe() + " ("
                                + denials.get(0).message() + ")");
    }

    /** The tally's examples of one kind, for the check's detail. */
    private static String examples(Tally tally, String kind) {
        List<String> some = tally.examples().stream()
                .filter(e -> e.startsWith(kind))
                .map(e -> e.substring(kind.length()))
                .toList();
        return some.isEmpty() ? "" : ": " + String.join("; ", some);
    }
}
