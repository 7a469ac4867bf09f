package dev.distributary.processor.idempotency;

import java.math.BigInteger;
import java.util.Optional;

/** Stream sequence numbers: decimal digits, compared as numbers (they grow in length over time). */
public final class SequenceNumbers {
    /** Longer than any sequence number DynamoDB Streams issues; a longer text is not one. */
    private static final int MAX_DIGITS = 40;

    private SequenceNumbers() {}

    /** The number, when the text is one: 1 to {@value #MAX_DIGITS} decimal digits. */
    public static Optional<BigInteger> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(new BigInteger(text));
    }
}
