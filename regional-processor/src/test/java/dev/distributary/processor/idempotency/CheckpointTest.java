package dev.distributary.processor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    private static BigInteger n(String digits) {
        return new BigInteger(digits);
    }

    @Test
    void sequenceNumbersOfDifferentLengths_areComparedAsNumbers_notAsText() {
        Checkpoint checkpoint = Checkpoint.none().advance(Optional.of(n("999")), Map.of());

        assertThat(checkpoint.covers(n("1000")))
                .as("1000 > 999, though '1000' < '999' as text")
                .isFalse();
        assertThat(checkpoint.covers(n("998"))).isTrue();
        assertThat(checkpoint.covers(n("000999"))).isTrue();
    }

    @Test
    void advance_neverMovesTheCheckpointBack() {
        Checkpoint checkpoint = Checkpoint.none().advance(Optional.of(n("500")), Map.of());

        Checkpoint next = checkpoint.advance(Optional.of(n("400")), Map.of());

        assertThat(next.upTo()).contains(n("500"));
        assertThat(next.revision()).isEqualTo(2);
    }

    @Test
    void recordsPublishedBeyond_areDroppedOnceTheCheckpointPassesThem_andMergedUntilThen() {
        Checkpoint partly = Checkpoint.none()
                .advance(Optional.of(n("100")), Map.of(n("105"), Set.of("us-east-1"), n("110"), Set.of("us-east-1")));
        Checkpoint more = partly.advance(Optional.empty(), Map.of(n("110"), Set.of("eu-west-1")));
        Checkpoint passed = more.advance(Optional.of(n("105")), Map.of());

        assertThat(more.publishedTo(n("110"))).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
        assertThat(passed.publishedBeyond()).containsOnlyKeys(n("110"));
        assertThat(passed.publishedTo(n("105"))).isEmpty();
    }

    @Test
    void sameAs_ignoresTheRevision_soThatAnUnchangedCheckpointIsNotWrittenAgain() {
        Checkpoint checkpoint = Checkpoint.none().advance(Optional.of(n("7")), Map.of());

        assertThat(checkpoint.advance(Optional.of(n("7")), Map.of()).sameAs(checkpoint))
                .isTrue();
        assertThat(checkpoint.advance(Optional.of(n("8")), Map.of()).sameAs(checkpoint))
                .isFalse();
    }

    @Test
    void negativeRevision_isRefused() {
        assertThatThrownBy(() -> new Checkpoint(Optional.empty(), Map.of(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
