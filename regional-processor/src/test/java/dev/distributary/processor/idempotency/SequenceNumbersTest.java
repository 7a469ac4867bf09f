package dev.distributary.processor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Sequence numbers compared as text agree with the numbers they are. */
class SequenceNumbersTest {

    @Property(tries = 2_000)
    void compare_anyTwoSequenceNumbers_ordersThemAsTheirNumbers(
            @ForAll("sequenceNumbers") String a, @ForAll("sequenceNumbers") String b) {
        assertThat(Integer.signum(SequenceNumbers.compare(a, b)))
                .as("%s vs %s", a, b)
                .isEqualTo(new BigInteger(a).compareTo(new BigInteger(b)));
    }

    @Example
    void compare_leadingZeros_ignored() {
        assertThat(SequenceNumbers.compare("000", "0")).isZero();
        assertThat(SequenceNumbers.compare("0099", "100")).isNegative();
        assertThat(SequenceNumbers.compare("100", "0099")).isPositive();
    }

    @Example
    void isSequenceNumber_textThatIsNoNumber_refused() {
        assertThat(SequenceNumbers.isSequenceNumber("12a")).isFalse();
        assertThat(SequenceNumbers.isSequenceNumber("")).isFalse();
        assertThat(SequenceNumbers.isSequenceNumber(null)).isFalse();
        assertThat(SequenceNumbers.isSequenceNumber("1".repeat(41))).isFalse();
        assertThat(SequenceNumbers.isSequenceNumber("1".repeat(40))).isTrue();
    }

    /** Decimal texts of 1 to 40 digits, often of the same length and with leading zeros, as a shard's grow. */
    @Provide
    Arbitrary<String> sequenceNumbers() {
        Arbitrary<String> digits =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> sameLength =
                Arbitraries.strings().numeric().ofLength(21).map(text -> "4" + text.substring(1));
        Arbitrary<String> padded = digits.map(text -> ("000" + text).substring(0, Math.min(40, text.length() + 3)));
        return Arbitraries.oneOf(digits, sameLength, padded);
    }
}
