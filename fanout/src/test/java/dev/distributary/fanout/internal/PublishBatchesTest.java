package dev.distributary.fanout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.fanout.Envelope;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PublishBatchesTest {

    @Test
    void smallEnvelopes_goTenPerCall_inOrder() {
        List<Envelope> envelopes =
                IntStream.range(0, 25).mapToObj(i -> envelope(i, 100)).toList();

        assertThat(PublishBatches.of(envelopes)).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(PublishBatches.of(envelopes).get(2)).containsExactly(20, 21, 22, 23, 24);
    }

    @Test
    void largeEnvelopes_splitSoNoCallExceeds256Kb() {
        List<Envelope> envelopes =
                IntStream.range(0, 7).mapToObj(i -> envelope(i, 100_000)).toList();

        List<List<Integer>> batches = PublishBatches.of(envelopes);

        assertThat(batches).extracting(List::size).containsExactly(2, 2, 2, 1);
        for (List<Integer> batch : batches) {
            assertThat(batch.stream()
                            .mapToLong(i -> envelopes.get(i).snsSizeBytes())
                            .sum())
                    .isLessThanOrEqualTo(SnsSize.MAX_BYTES);
        }
    }

    @Test
    void envelopeOverTheLimit_isInNoBatch() {
        List<Envelope> envelopes = List.of(envelope(0, 10), envelope(1, SnsSize.MAX_BYTES + 1), envelope(2, 10));

        assertThat(PublishBatches.of(envelopes)).containsExactly(List.of(0, 2));
    }

    @Test
    void size_countsAttributeNamesTypesAndValues() {
        assertThat(SnsSize.of("ab", Map.of("table", "orders"))).isEqualTo(2 + 5 + 6 + 6);
    }

    private static Envelope envelope(int i, int bytes) {
        return new Envelope("event-" + i, "orders", "x".repeat(bytes), Map.of(), "g", "d" + i, false);
    }
}
