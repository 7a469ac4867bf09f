package dev.distributary.change;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DynamoDB attribute value, without AWS types: one record per DynamoDB data type. Numbers
 * keep their exact decimal text; binary values are copied in and out.
 */
public sealed interface AttributeValue {

    /** The DynamoDB type descriptor: S, N, B, SS, NS, BS, M, L, NULL or BOOL. */
    String type();

    record S(String value) implements AttributeValue {
        public S {
            Objects.requireNonNull(value, "S value");
        }

        @Override
        public String type() {
            return "S";
        }
    }

    /** A number as DynamoDB holds it: decimal text of up to 38 digits, never rounded. */
    record N(String value) implements AttributeValue {
        public N {
            Objects.requireNonNull(value, "N value");
        }

        @Override
        public String type() {
            return "N";
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // copied in and out, and equals/hashCode compare the contents
    record B(byte[] value) implements AttributeValue {
        public B {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(value);
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof B b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + base64() + "]";
        }
    }

    record SS(List<String> values) implements AttributeValue {
        public SS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    record NS(List<String> values) implements AttributeValue {
        public NS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    record BS(List<B> values) implements AttributeValue {
        public BS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "BS";
        }
    }

    /** A map; its entries keep their order. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "M";
        }
    }

    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    record Null() implements AttributeValue {
        @Override
        public String type() {
            return "NULL";
        }
    }

    record Bool(boolean value) implements AttributeValue {
        @Override
        public String type() {
            return "BOOL";
        }
    }

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(value);
    }

    static N n(long value) {
        return new N(Long.toString(value));
    }

    static Bool bool(boolean value) {
        return new Bool(value);
    }
}
