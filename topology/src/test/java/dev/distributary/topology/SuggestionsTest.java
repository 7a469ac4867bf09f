package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> CONSUMERS = List.of("billing", "crm-sync", "order-cache");

    @Test
    void oneLetterOff_closest_isTheCandidate() {
        assertThat(Suggestions.closest("biling", CONSUMERS)).contains("billing");
    }

    @Test
    void differentCase_closest_ignoresCase() {
        assertThat(Suggestions.closest("CRM-Sync", CONSUMERS)).contains("crm-sync");
    }

    @Test
    void nothingClose_closest_isEmpty() {
        assertThat(Suggestions.closest("inventory", CONSUMERS)).isEmpty();
    }

    @Test
    void closeCandidate_didYouMean_endsTheSentenceWithIt() {
        assertThat(Suggestions.didYouMean("order-cahce", CONSUMERS)).isEqualTo("; did you mean 'order-cache'?");
    }

    @Test
    void nothingClose_didYouMean_isAFullStop() {
        assertThat(Suggestions.didYouMean("inventory", CONSUMERS)).isEqualTo(".");
        assertThat(Suggestions.didYouMean("billing", List.of())).isEqualTo(".");
    }
}
