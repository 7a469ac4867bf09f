package dev.distributary.local.internal.demo;

import static dev.distributary.local.workload.Runs.EU;
import static dev.distributary.local.workload.Runs.US;
import static dev.distributary.local.workload.Runs.change;
import static dev.distributary.local.workload.Runs.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.distributary.change.Operation;
import dev.distributary.local.demo.DemoReport;
import dev.distributary.local.internal.iam.Decision;
import dev.distributary.local.internal.iam.Denial;
import dev.distributary.local.internal.iam.LocalIdentity;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.Delivery;
import dev.distributary.local.workload.Runs;
import dev.distributary.local.workload.Workload;
import dev.distributary.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo fails, naming the broken promise, whenever one of its checks sees a failure; and passes a good run. */
class DemoChecksTest {
    private static final Change INSERTED = change(US, "a", Operation.INSERT, 1);
    private static final Change MODIFIED = change(US, "a", Operation.MODIFY, 2);
    private static final List<Change> CHANGES = List.of(INSERTED, MODIFIED);
    private static final Workload.Poison POISON =
            new Workload.Poison("orders", US, "pk=poison-3", JsonNodeFactory.instance.objectNode(), 2);
    private static final List<String> REFUSED = List.of("the writer refused an 'eu-personal' item in table orders");

    private static List<Delivery> everyExpected() {
        List<Delivery> deliveries = new ArrayList<>();
        for (Change change : CHANGES) {
            deliveries.add(delivery("billing", US, change));
            deliveries.add(delivery("order-cache", US, change));
            deliveries.add(delivery("order-cache", EU, change));
        }
        return deliveries;
    }

    private static List<DemoReport.Check> judge(Topology topology, List<Delivery> deliveries) {
        return DemoChecks.of(
                Tally.exactlyOnce(topology, CHANGES, deliveries),
                REFUSED,
                Optional.of(POISON),
                2,
                List.of(),
                CHANGES.size(),
                List.of());
    }

    private static List<DemoReport.Check> failed(List<DemoReport.Check> checks) {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    @Test
    void aGoodRun_passesEveryCheck() {
        List<DemoReport.Check> checks = judge(Runs.multiWriter(), everyExpected());

        assertThat(DemoChecks.passed(checks)).isTrue();
        assertThat(checks)
                .extracting(DemoReport.Check::name)
                .containsExactly(
                        "nothing lost",
                        "nothing twice",
                        "nothing unexpected",
                        "residency held",
                        "per-item order kept",
                        "residency-breaking write refused by the writer",
                        "poison record quarantined",
                        "every write succeeded",
                        "every call allowed by the function's role");
        assertThat(checks.get(4).detail()).isEqualTo("not promised by a standard fan-out (a FIFO fan-out keeps it)");
    }

    @Test
    void aLostDelivery_failsNothingLost_namingIt() {
        List<Delivery> deliveries = new ArrayList<>(everyExpected());
        deliveries.remove(delivery("order-cache", EU, MODIFIED));

        List<DemoReport.Check> checks = judge(Runs.multiWriter(), deliveries);

        assertThat(DemoChecks.passed(checks)).isFalse();
        assertThat(failed(checks)).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("nothing lost");
            assertThat(check.detail())
                    .isEqualTo("1 of 6 expected deliveries missing: order-cache@eu-west-1|orders|pk=a|modify|2");
        });
    }

    @Test
    void aDuplicate_failsNothingTwice_namingIt() {
        List<Delivery> deliveries = new ArrayList<>(everyExpected());
        deliveries.add(delivery("billing", US, INSERTED));

        assertThat(failed(judge(Runs.multiWriter(), deliveries)))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.name()).isEqualTo("nothing twice");
                    assertThat(check.detail())
                            .isEqualTo("1 duplicate deliveries: billing@us-east-1|orders|pk=a|insert|1");
                });
    }

    @Test
    void aDeliveryTheRulesDoNotCallFor_failsNothingUnexpected_namingIt() {
        List<Delivery> deliveries = new ArrayList<>(everyExpected());
        deliveries.add(delivery("billing", EU, INSERTED));

        assertThat(failed(judge(Runs.multiWriter(), deliveries)))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.name()).isEqualTo("nothing unexpected");
                    assertThat(check.detail())
                            .isEqualTo(
                                    "1 deliveries the rules do not call for: billing@eu-west-1|orders|pk=a|insert|1");
                });
    }

    @Test
    void aLeakUnderAFalseLabel_failsResidencyHeld() {
        Change personal = change(EU, "p", Operation.INSERT, 1, "eu-personal");
        List<Delivery> deliveries = List.of(
                delivery("billing", EU, personal),
                delivery("order-cache", EU, personal),
                delivery("order-cache", US, personal, Operation.INSERT, "public"));

        List<DemoReport.Check> checks = DemoChecks.of(
                Tally.exactlyOnce(Runs.multiWriter(), List.of(personal), deliveries),
                REFUSED,
                Optional.of(POISON),
                2,
                List.of(),
                1,
                List.of());

        assertThat(failed(checks))
                .extracting(DemoReport.Check::name)
                .containsExactly("nothing unexpected", "residency held");
        assertThat(failed(checks).get(1).detail()).isEqualTo("1 deliveries outside their class's zone");
    }

    @Test
    void versionsReversed_onAFifoFanout_failsPerItemOrder_namingIt() {
        List<Delivery> deliveries = new ArrayList<>(everyExpected());
        deliveries.remove(delivery("billing", US, INSERTED));
        deliveries.add(delivery("billing", US, INSERTED));

        assertThat(failed(judge(Runs.fifo(), deliveries))).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("per-item order kept");
            assertThat(check.detail())
                    .isEqualTo(
                            "1 deliveries after a later version of their item: billing@us-east-1|orders|pk=a|live|1 after orders|pk=a|live|2");
        });
    }

    @Test
    void noRefusal_failsTheResidencyBreakingWriteCheck() {
        List<DemoReport.Check> checks = DemoChecks.of(
                Tally.exactlyOnce(Runs.multiWriter(), CHANGES, everyExpected()),
                List.of(),
                Optional.of(POISON),
                2,
                List.of(),
                2,
                List.of());

        assertThat(failed(checks)).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("residency-breaking write refused by the writer");
            assertThat(check.detail()).isEqualTo("no refusal seen");
        });
    }

    @Test
    void aPoisonRecordQuarantinedTooFewTimes_failsThePoisonCheck() {
        List<DemoReport.Check> checks = DemoChecks.of(
                Tally.exactlyOnce(Runs.multiWriter(), CHANGES, everyExpected()),
                REFUSED,
                Optional.of(POISON),
                1,
                List.of(),
                2,
                List.of());

        assertThat(failed(checks)).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("poison record quarantined");
            assertThat(check.detail()).isEqualTo("1 quarantine message(s) for it, 2 expected");
        });
    }

    @Test
    void noPoisonWritten_failsThePoisonCheck() {
        List<DemoReport.Check> checks = DemoChecks.of(
                Tally.exactlyOnce(Runs.multiWriter(), CHANGES, everyExpected()),
                REFUSED,
                Optional.empty(),
                0,
                List.of(),
                2,
                List.of());

        assertThat(failed(checks)).extracting(DemoReport.Check::detail).containsExactly("no poison written");
    }

    @Test
    void aFailedWrite_failsEveryWriteSucceeded_namingIt() {
        List<DemoReport.Check> checks = DemoChecks.of(
                Tally.exactlyOnce(Runs.multiWriter(), CHANGES, everyExpected()),
                REFUSED,
                Optional.of(POISON),
                2,
                List.of("ProvisionedThroughputExceededException: slow down"),
                2,
                List.of());

        assertThat(failed(checks)).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("every write succeeded");
            assertThat(check.detail()).isEqualTo("1 failed: ProvisionedThroughputExceededException: slow down");
        });
    }

    @Test
    void aCallIamDenied_failsTheRoleCheck_namingActionAndResource() {
        Denial denial = new Denial(
                new LocalIdentity(
                        "AKIA1", "secret", "shop-dev-processor", US, "arn:aws:iam::000000000000:role/processor"),
                "sns:Publish",
                "arn:aws:sns:us-east-1:000000000000:shop-dev-events",
                new Decision.ImplicitDeny());
        List<DemoReport.Check> checks = DemoChecks.of(
                Tally.exactlyOnce(Runs.multiWriter(), CHANGES, everyExpected()),
                REFUSED,
                Optional.of(POISON),
                2,
                List.of(),
                2,
                List.of(denial));

        assertThat(failed(checks)).singleElement().satisfies(check -> {
            assertThat(check.name()).isEqualTo("every call allowed by the function's role");
            assertThat(check.detail())
                    .startsWith("1 call(s) denied, the first: shop-dev-processor in us-east-1: sns:Publish on "
                            + "arn:aws:sns:us-east-1:000000000000:shop-dev-events");
        });
    }
}
