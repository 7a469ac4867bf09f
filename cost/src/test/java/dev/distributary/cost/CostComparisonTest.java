package dev.distributary.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.distributary.cost.internal.Bill;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostComparisonTest {
    /** A million events a second, so that dollars per second are dollars per million events. */
    private static final double MILLION = 1_000_000;

    private static DesignCost cost(Design design, double sns, double logs, double sqs) {
        return new Bill()
                .add(Component.SNS, 0, sns)
                .add(Component.LOGS, 0, logs)
                .add(Component.SQS, 0, sqs)
                .cost(design, MILLION);
    }

    @Test
    void comparison_namesWhereTheDesignPaysLessAndMore_largestFirst_andLeavesOutTinyDifferences() {
        DesignCost distributary = cost(Design.DISTRIBUTARY, 1.0, 0.3, 1.0001);
        DesignCost pipes = cost(Design.PIPES, 2.0, 0.1, 1.0);

        Comparison comparison = Comparison.of(distributary, pipes);

        assertThat(comparison.savingPercent()).isCloseTo((3.1 - 2.3001) / 3.1 * 100, within(1e-9));
        assertThat(comparison.differences())
                .extracting(Comparison.Difference::component)
                .containsExactly(Component.SNS, Component.LOGS);
        assertThat(comparison.sentence())
                .isEqualTo(
                        "Distributary costs 25.8% less per million events than EventBridge Pipes ($2.300 against $3.100): "
                                + "it pays less for SNS (-$1.000), and more for CloudWatch Logs (+$0.200).");
    }

    @Test
    void comparison_ofADearerDesign_saysMore_andANegativeSaving() {
        Comparison comparison = Comparison.of(cost(Design.DISTRIBUTARY, 2, 0, 0), cost(Design.NAIVE, 1, 0, 0));

        assertThat(comparison.savingPercent()).isCloseTo(-100, within(1e-9));
        assertThat(comparison.sentence())
                .startsWith("Distributary costs 100.0% more per million events than naive")
                .endsWith("it pays more for SNS (+$1.000).");
    }

    @Test
    void cheapest_ordersEveryPricedDesign_andExplainsTheFirstAgainstTheSecond() {
        Cheapest cheapest = Cheapest.of(List.of(
                cost(Design.DISTRIBUTARY, 1, 0, 0), cost(Design.NAIVE, 3, 0, 0), cost(Design.PIPES, 0.5, 1, 0)));

        assertThat(cheapest.order())
                .extracting(Cheapest.Ranked::design)
                .containsExactly(Design.DISTRIBUTARY, Design.PIPES, Design.NAIVE);
        assertThat(cheapest.design()).isEqualTo(Design.DISTRIBUTARY);
        assertThat(cheapest.reason().other()).isEqualTo(Design.PIPES);
        assertThat(cheapest.sentence())
                .startsWith(
                        "Cheapest: Distributary ($1.000 per million events), then EventBridge Pipes ($1.500), then naive ($3.000). "
                                + "Distributary costs 33.3% less per million events than EventBridge Pipes");
    }

    @Test
    void cheapest_needsTwoPricedDesigns_andAComparisonNeedsTwoDesigns() {
        DesignCost one = cost(Design.DISTRIBUTARY, 1, 0, 0);

        assertThatThrownBy(() -> Cheapest.of(List.of(one))).hasMessageContaining("at least two priced designs");
        assertThatThrownBy(() -> Comparison.of(one, one)).hasMessageContaining("with another design");
    }
}
