package dev.distributary.fanout;

import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.topology.Platforms;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every DynamoDB attribute type survives envelope → JSON → {@link ChangeEvent} exactly. */
class EnvelopeRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EnvelopeFactory FACTORY = new EnvelopeFactory(Platforms.shipped());
    private static final ChangeRecords ORDERS = ChangeRecords.in("eu-west-1", "orders");
    private static final Image KEYS = Items.of("pk", s("order#1"), "sk", s("v0"));

    static List<Object[]> everyType() {
        return List.of(
                new Object[] {"S", s("Grüße, 東京 \uD83D\uDE80 \"quoted\" \\ / ~")},
                new Object[] {"S empty", s("")},
                new Object[] {"N integer beyond long", AttributeValue.n("123456789012345678901234567890123456789")},
                new Object[] {"N 38 significant digits", AttributeValue.n("1234567890.123456789012345678901234567")},
                new Object[] {"N trailing zero", AttributeValue.n("2.50")},
                new Object[] {"N negative exponent", AttributeValue.n("-1.5E-130")},
                new Object[] {"N exponent", AttributeValue.n("1E+3")},
                new Object[] {"B", new AttributeValue.B(new byte[] {0, 1, 2, (byte) 255})},
                new Object[] {"SS", new AttributeValue.SS(List.of("red", "blue", "1"))},
                new Object[] {"NS", new AttributeValue.NS(List.of("1", "2.5", "-3E+10"))},
                new Object[] {
                    "BS",
                    new AttributeValue.BS(
                            List.of(new AttributeValue.B(new byte[] {1}), new AttributeValue.B(new byte[] {2, 3})))
                },
                new Object[] {
                    "M nested",
                    new AttributeValue.M(Map.of(
                            "a/b~c", new AttributeValue.M(Map.of("deep", new AttributeValue.B(new byte[] {9})))))
                },
                new Object[] {
                    "L mixed",
                    new AttributeValue.L(List.of(
                            s("1"),
                            AttributeValue.n(1),
                            new AttributeValue.SS(List.of("1")),
                            new AttributeValue.L(List.of()),
                            new AttributeValue.Null(),
                            AttributeValue.bool(false)))
                },
                new Object[] {"M empty", new AttributeValue.M(Map.of())},
                new Object[] {"NULL", new AttributeValue.Null()},
                new Object[] {"BOOL", AttributeValue.bool(true)});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void attributeOfEachType_roundTripsExactly_inKeysBeforeAndAfter(String name, AttributeValue value) {
        Image keys = Items.with(KEYS, "extra", value);
        Image before = Items.with(KEYS, "value", value, "nested", new AttributeValue.L(List.of(value)));
        Image after = Items.with(before, "map", new AttributeValue.M(Map.of("value", value)));

        ChangeEvent event = roundTrip(ORDERS.modify(keys, before, after), Operation.MODIFY);

        assertThat(event.keys()).isEqualTo(keys);
        assertThat(event.before()).contains(before);
        assertThat(event.after()).contains(after);
    }

    @Test
    void fixtureWithEveryType_roundTrips_andItsDataIsPlainJson() throws Exception {
        ChangeRecord record = ChangeRecords.fixture("insert-all-types");

        Envelope envelope =
                FACTORY.create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));
        ChangeEvent event = ChangeEvent.parse(envelope.json());

        assertThat(event.after()).isEqualTo(record.newImage());
        assertThat(event.keys()).isEqualTo(record.keys());
        JsonNode after = JSON.readTree(envelope.json()).get("data").get("after");
        assertThat(after.get("status").isTextual()).isTrue();
        assertThat(after.get("total").isNumber()).isTrue();
        assertThat(after.get("tags").isArray()).isTrue();
        assertThat(after.get("gift").isBoolean()).isTrue();
        assertThat(after.get("note").isNull()).isTrue();
        assertThat(after.get("address").get("lines").get(1).isNull()).isTrue();
        assertThat(after.get("signature").asText()).isEqualTo("AAEC/w==");
        assertThat(JSON.readTree(envelope.json()).get("data").get("types")).isEqualTo(JSON.readTree("""
                        {"/after/signature":"B","/after/tags":"SS","/after/sizes":"NS","/after/blobs":"BS"}"""));
    }

    @Test
    void tombstoneFixture_roundTripsWithOpTombstone() {
        ChangeRecord record = ChangeRecords.fixture("tombstone");

        ChangeEvent event = roundTrip(record, Operation.TOMBSTONE);

        assertThat(event.op()).isEqualTo(Operation.TOMBSTONE);
        assertThat(event.before()).isEqualTo(record.oldImage());
        assertThat(event.after()).isEqualTo(record.newImage());
    }

    @Property(tries = 100)
    void anyImage_roundTripsExactly(@ForAll("images") Image before, @ForAll("images") Image after) {
        ChangeEvent event = roundTrip(ORDERS.modify(KEYS, before, after), Operation.MODIFY);

        assertThat(event.before()).contains(before);
        assertThat(event.after()).contains(after);
    }

    @Provide
    Arbitrary<Image> images() {
        return Arbitraries.maps(names(), values(3)).ofMaxSize(6).map(Image::new);
    }

    private static Arbitrary<AttributeValue> values(int depth) {
        List<Arbitrary<AttributeValue>> choices = new ArrayList<>(List.of(
                strings().map(AttributeValue.S::new),
                numbers().map(AttributeValue.N::new),
                binary(),
                strings().list().ofMinSize(1).ofMaxSize(4).uniqueElements().map(AttributeValue.SS::new),
                numbers().list().ofMinSize(1).ofMaxSize(4).uniqueElements().map(AttributeValue.NS::new),
                binary().map(AttributeValue.B.class::cast)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(AttributeValue.BS::new),
                Arbitraries.just(new AttributeValue.Null()),
                Arbitraries.of(true, false).map(AttributeValue.Bool::new)));
        if (depth > 0) {
            choices.add(Arbitraries.maps(names(), values(depth - 1))
                    .ofMaxSize(3)
                    .map(m -> new AttributeValue.M(new LinkedHashMap<>(m))));
            choices.add(values(depth - 1).list().ofMaxSize(3).map(AttributeValue.L::new));
        }
        return Arbitraries.oneOf(choices);
    }

    private static Arbitrary<String> names() {
        return strings().filter(name -> !name.isEmpty());
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" #/~\"\\\nñé東")
                .ofMaxLength(12);
    }

    /** Decimal text as DynamoDB holds it: up to 38 significant digits, any scale. */
    private static Arbitrary<String> numbers() {
        Arbitrary<BigInteger> unscaled =
                Arbitraries.bigIntegers().between(new BigInteger("-" + "9".repeat(38)), new BigInteger("9".repeat(38)));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-20, 40))
                .as((u, scale) -> new BigDecimal(u, scale).toString());
    }

    private static Arbitrary<AttributeValue> binary() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(AttributeValue.B::new);
    }

    private static ChangeEvent roundTrip(ChangeRecord record, Operation op) {
        Envelope envelope = FACTORY.create(record, EventContext.of(op, "eu-west-1", OriginKind.LOCAL, "public"));
        ChangeEvent event = ChangeEvent.parse(envelope.json());
        assertThat(event.id()).isEqualTo(record.eventId());
        assertThat(event.sequence()).isEqualTo(record.sequenceNumber());
        assertThat(event.table()).isEqualTo(record.table());
        assertThat(event.region()).isEqualTo(record.source().region());
        assertThat(event.truncated()).isFalse();
        return event;
    }
}
