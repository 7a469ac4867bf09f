package dev.distributary.local.chaos;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static dev.distributary.local.workload.Runs.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import dev.distributary.local.internal.iam.Decision;
import dev.distributary.local.internal.iam.Denial;
import dev.distributary.local.internal.iam.LocalIdentity;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Runs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scenario's row, and the whole chaos run, fail whenever a check fails or a call was denied; they pass only when all held. */
class ChaosReportTest {
    private static final Change INSERTED = change(US, "a", Operation.INSERT, 1);
    private static final Denial DENIAL = new Denial(
            new LocalIdentity("AKIA1", "secret", "shop-dev-processor", US, "arn:aws:iam::000000000000:role/processor"),
            "sqs:SendMessage",
            "arn:aws:sqs:us-east-1:000000000000:quarantine",
            new Decision.ImplicitDeny());

    private static Tally clean() {
        return Tally.exactlyOnce(
                Runs.multiWriter(),
                List.of(INSERTED),
                List.of(
                        delivery("billing", US, INSERTED),
                        delivery("order-cache", US, INSERTED),
                        delivery("order-cache", EU, INSERTED)));
    }

    private static Tally lost() {
        return Tally.exactlyOnce(
                Runs.multiWriter(),
                List.of(INSERTED),
                List.of(delivery("billing", US, INSERTED), delivery("order-cache", US, INSERTED)));
    }

    private static Scenario.Verdict verdict(Tally tally) {
        return new Scenario.Verdict(
                List.of(Checks.delivery(tally), Checks.leaks(tally)),
                tally.lost(),
                tally.duplicated(),
                tally.leaked(),
                "3 writes survived");
    }

    @Test
    void everyCheckHeld_andNoCallDenied_theRowPasses_withTheSummaryAsDetail() {
        ChaosReport.Row row = ChaosReport.Row.of("sns-throttling", 3, 0, verdict(clean()), List.of(), 1.5);

        assertThat(row.passed()).isTrue();
        assertThat(row.detail()).isEqualTo("3 writes survived");
        assertThat(row.checks())
                .extracting(Check::name)
                .containsExactly(
                        "every expected delivery exactly once, nothing else",
                        "no delivery outside the permitted regions",
                        "every call allowed by the function's role");
    }

    @Test
    void aLostDelivery_failsTheRow_namingTheFailedCheckFirst() {
        ChaosReport.Row row = ChaosReport.Row.of("sns-throttling", 3, 0, verdict(lost()), List.of(), 1.5);

        assertThat(row.passed()).isFalse();
        assertThat(row.lost()).isEqualTo(1);
        assertThat(row.detail())
                .isEqualTo(
                        "every expected delivery exactly once, nothing else: 2 of 3 expected deliveries arrived; 1 lost, 0 duplicated, "
                                + "0 unexpected, 0 outside their class's regions (lost order-cache@eu-west-1|orders|pk=a|insert|1). 3 writes survived");
    }

    @Test
    void aLeak_failsBothTheDeliveryAndTheLeakCheck() {
        Change personal = change(EU, "p", Operation.INSERT, 1, "eu-personal");
        Tally tally = Tally.exactlyOnce(
                Runs.multiWriter(),
                List.of(personal),
                List.of(
                        delivery("billing", EU, personal),
                        delivery("order-cache", EU, personal),
                        delivery("order-cache", US, personal)));

        ChaosReport.Row row = ChaosReport.Row.of("random-residency", 1, 0, verdict(tally), List.of(), 1.5);

        assertThat(row.passed()).isFalse();
        assertThat(row.leaked()).isEqualTo(1);
        assertThat(row.checks())
                .filteredOn(c -> !c.passed())
                .extracting(Check::detail)
                .contains("1 deliveries in a region their class may not reach");
    }

    @Test
    void aCallDeniedByIam_failsARowWhoseOwnChecksHeld() {
        ChaosReport.Row row = ChaosReport.Row.of("poison", 3, 1, verdict(clean()), List.of(DENIAL), 1.5);

        assertThat(row.passed()).isFalse();
        assertThat(row.iamDenied()).isEqualTo(1);
        assertThat(row.detail())
                .startsWith(
                        "every call allowed by the function's role: 1 call(s) denied, the first: shop-dev-processor in us-east-1: "
                                + "sqs:SendMessage on arn:aws:sqs:us-east-1:000000000000:quarantine");
    }

    @Test
    void oneFailedScenario_failsTheRun() {
        ChaosReport report = ChaosReport.of(
                42,
                3.0,
                List.of(
                        ChaosReport.Row.of("a", 3, 0, verdict(clean()), List.of(), 1.0),
                        ChaosReport.Row.of("b", 3, 0, verdict(lost()), List.of(), 1.0)));

        assertThat(report.passed()).isFalse();
    }

    @Test
    void everyScenarioPassed_passesTheRun() {
        ChaosReport report =
                ChaosReport.of(42, 2.0, List.of(ChaosReport.Row.of("a", 3, 0, verdict(clean()), List.of(), 1.0)));

        assertThat(report.passed()).isTrue();
        assertThat(report.seed()).isEqualTo(42);
    }

    @Test
    void noScenarioRun_doesNotPass() {
        assertThat(ChaosReport.of(42, 0.1, List.of()).passed()).isFalse();
    }
}
