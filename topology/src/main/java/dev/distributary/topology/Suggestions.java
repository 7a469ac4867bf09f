package dev.distributary.topology;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for misspelt keys and values. */
public final class Suggestions {
    private Suggestions() {}

    /** The candidate closest to the input, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance(needle, c.toLowerCase(Locale.ROOT))))
                .filter(best -> distance(needle, best.toLowerCase(Locale.ROOT)) <= Math.max(2, input.length() / 3));
    }

    /** "; did you mean 'x'?" when a candidate is close, else "." — either ends a sentence. */
    public static String didYouMean(String input, Collection<String> candidates) {
        return closest(input, candidates)
                .map(c -> "; did you mean '" + c + "'?")
                .orElse(".");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
