package dev.distributary.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.cost.internal.Numbers;
import org.junit.jupiter.api.Test;

class CostWorkloadTest {

    @Test
    void itemSize_isBilledPerStartedKb() {
        assertThat(new Workload(1, 1).writeUnitsPerItem()).isEqualTo(1);
        assertThat(new Workload(1, 1.2).writeUnitsPerItem()).isEqualTo(2);
        assertThat(new Workload(1, 400).writeUnitsPerItem()).isEqualTo(400);
    }

    @Test
    void zeroOrNegativeRate_isRefused_namingTheOption() {
        assertThatThrownBy(() -> new Workload(0, 1))
                .hasMessage(
                        "--writes-per-second must be a number greater than 0 and at most 10000000 (ten million), not 0");
        assertThatThrownBy(() -> new Workload(-5, 1)).hasMessageStartingWith("--writes-per-second");
    }

    @Test
    void rateAboveTenMillionOrNotFinite_isRefused_andTheLimitItselfIsPriced() {
        assertThatThrownBy(() -> new Workload(10_000_001, 1)).hasMessageEndingWith("not 10000001");
        assertThatThrownBy(() -> new Workload(1e308, 1)).hasMessageEndingWith("not 1.0E308");
        assertThatThrownBy(() -> new Workload(Double.POSITIVE_INFINITY, 1)).hasMessageEndingWith("not Infinity");
        assertThat(new Workload(Workload.MAX_WRITES_PER_SECOND, 1).writesPerSecond())
                .isEqualTo(10_000_000);
    }

    @Test
    void numbers_areWrittenAsAPersonWouldWriteThem() {
        assertThat(Numbers.plain(100)).isEqualTo("100");
        assertThat(Numbers.plain(2.5)).isEqualTo("2.5");
        assertThat(Numbers.plain(0.025)).isEqualTo("0.025");
        assertThat(Numbers.plain(4.0 / 3)).isEqualTo("1.333");
        assertThat(Numbers.plain(0.0000001)).isEqualTo("0.0000001");
        assertThat(Numbers.plain(0.000123456)).isEqualTo("0.000123");
        assertThat(Numbers.plain(1e308)).isEqualTo("1.0E308");
    }

    @Test
    void itemOverDynamoDbsLimitOrNotPositive_isRefused() {
        assertThatThrownBy(() -> new Workload(1, 401))
                .hasMessage("--item-kb must be greater than 0 and at most 400 (DynamoDB's item size limit), not 401");
        assertThatThrownBy(() -> new Workload(1, 0)).hasMessageStartingWith("--item-kb");
        assertThatThrownBy(() -> new Workload(1, Double.NaN)).hasMessageStartingWith("--item-kb");
    }

    @Test
    void verdict_aboveTheNaiveCost_isAnExtraCost_belowIt_aSaving() {
        assertThat(Verdict.of(75, 100)).isEqualTo(new Verdict.Saving(25));
        assertThat(((Verdict.Saving) Verdict.of(75, 100)).meetsTarget()).isTrue();
        assertThat(Verdict.of(120, 100)).isInstanceOf(Verdict.ExtraCost.class);
        assertThat(Verdict.of(120, 100).savingPercent()).isCloseTo(-20, org.assertj.core.api.Assertions.within(1e-9));
    }
}
