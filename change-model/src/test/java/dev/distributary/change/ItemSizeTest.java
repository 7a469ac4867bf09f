package dev.distributary.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemSizeTest {

    @ParameterizedTest
    @CsvSource({
        "0,2",
        "7,2",
        "-7,2",
        "12,2",
        "123,3",
        "1200,2",
        "0.0012,2",
        "1.50E+3,2",
        "102,3",
        "-0.000,2",
        "12345678901234567890,11"
    })
    void numberAttribute_countsOneBytePerTwoSignificantDigitsPlusOne(String number, long expected) {
        assertThat(ItemSize.of(new Image(Map.of("", AttributeValue.n(number))))).isEqualTo(expected);
    }

    @Test
    void numberAttribute_sizedByScanningItsDigits_agreesWithBigDecimalsSignificantDigits() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            BigDecimal value = new BigDecimal(new BigInteger(random.nextInt(120) + 1, random), random.nextInt(60) - 30);
            String text = random.nextBoolean() ? value.toString() : value.toPlainString();
            assertThat(ItemSize.of(new Image(Map.of("", AttributeValue.n(text)))))
                    .as(text)
                    .isEqualTo(reference(text));
        }
    }

    /** The definition: the unscaled value's digits without trailing zeros. */
    private static long reference(String text) {
        String digits = new BigDecimal(text).unscaledValue().abs().toString().replaceAll("0+$", "");
        return (Math.max(1, digits.length()) + 1) / 2 + 1;
    }
}
