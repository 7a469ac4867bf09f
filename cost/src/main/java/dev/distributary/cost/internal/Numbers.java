package dev.distributary.cost.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Numbers written as a person would write them, for the cost command's messages and table. */
public final class Numbers {
    private Numbers() {}

    /**
     * Whole numbers without a fraction ({@code 100}); others with up to three decimals
     * ({@code 2.5}, {@code 0.025}) or, below 0.001, three significant digits ({@code 0.0000001});
     * huge or non-finite ones as Java prints them ({@code 1.0E308}, {@code NaN}).
     */
    public static String plain(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e15) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value)) {
            return String.valueOf((long) value);
        }
        BigDecimal decimal = Math.abs(value) >= 0.001
                ? new BigDecimal(value).setScale(3, RoundingMode.HALF_UP)
                : new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP));
        return decimal.stripTrailingZeros().toPlainString();
    }
}
