package dev.distributary.topology;

/**
 * An inclusive range of whole numbers, with an optional extra allowed value outside it
 * (AWS's {@code -1} meaning "unlimited").
 */
public record IntRange(long min, long max, Long special) {

    public static IntRange of(long min, long max) {
        return new IntRange(min, max, null);
    }

    public static IntRange orUnlimited(long min, long max) {
        return new IntRange(min, max, -1L);
    }

    public boolean contains(long value) {
        return (value >= min && value <= max) || (special != null && value == special);
    }

    /** The allowed values in words, for error messages. */
    public String describe() {
        String range = min + " to " + max;
        return special == null ? range : special + " (unlimited) or " + range;
    }

    public int require(String what, int value) {
        if (!contains(value)) {
            throw new IllegalArgumentException(what + " is " + value + "; allowed: " + describe());
        }
        return value;
    }
}
