package dev.distributary.fanout.support;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;

import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.EnvelopeFactory;
import dev.distributary.fanout.EventContext;
import dev.distributary.fanout.OriginKind;
import dev.distributary.topology.Platforms;
import java.util.List;
import java.util.stream.IntStream;

/** Envelopes of {@code orders} changes in the shipped platform, for tests that need many. */
public final class Changes {
    private static final EnvelopeFactory SHIPPED = new EnvelopeFactory(Platforms.shipped());

    private Changes() {}

    /** {@code count} local inserts of distinct orders, each with a {@code blob} of {@code padding} characters. */
    public static List<Envelope> inserts(String region, int count, int padding) {
        ChangeRecords orders = ChangeRecords.in(region, "orders");
        return IntStream.range(0, count)
                .mapToObj(i -> SHIPPED.create(
                        orders.insert(
                                Items.of("pk", s("order#" + i), "sk", s("v0")),
                                Items.of(
                                        "pk",
                                        s("order#" + i),
                                        "sk",
                                        s("v0"),
                                        "n",
                                        n(i),
                                        "blob",
                                        s("x".repeat(padding)))),
                        EventContext.of(Operation.INSERT, region, OriginKind.LOCAL, "public")))
                .toList();
    }

    public static List<Envelope> inserts(String region, int count) {
        return inserts(region, count, 0);
    }
}
