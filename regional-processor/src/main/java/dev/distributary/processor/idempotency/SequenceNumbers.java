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
        return isSequenceNumber(text) ? Optional.of(new BigInteger(text)) : Optional.empty();
    }

    /** Whether the text is a sequence number: 1 to {@value #MAX_DIGITS} decimal digits. */
    public static boolean isSequenceNumber(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Compares two sequence numbers ({@link #isSequenceNumber}) as numbers, as their
     * {@link #parse}d values compare, without making them numbers: leading zeros aside, the longer
     * is the larger, and numbers of one length compare digit by digit.
     */
    public static int compare(String a, String b) {
        int i = firstSignificant(a);
        int j = firstSignificant(b);
        int lengths = Integer.compare(a.length() - i, b.length() - j);
        if (lengths != 0) {
            return lengths;
        }
        for (; i < a.length(); i++, j++) {
            int digits = Character.compare(a.charAt(i), b.charAt(j));
            if (digits != 0) {
                return digits;
            }
        }
        return 0;
    }

    private static int firstSignificant(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
