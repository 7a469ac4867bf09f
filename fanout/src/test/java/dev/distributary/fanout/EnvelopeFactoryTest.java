package dev.distributary.fanout;

import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.topology.Platforms;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeFactoryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WRITTEN_AT = 1_795_687_200_123L;

    private final EnvelopeFactory factory = new EnvelopeFactory(Platforms.matrix());
    private final ChangeRecords orders =
            ChangeRecords.in("us-east-1", "orders").at(Instant.parse("2026-11-26T10:00:00Z"));
    private final Image keys = Items.of("pk", s("order#1"), "sk", s("v0"));

    @Test
    void insert_envelopeHasTheCloudEventsAttributesAndExtensions() throws Exception {
        ChangeRecord record = orders.insert(keys, Items.stamped(order("PLACED"), "eu-west-1", WRITTEN_AT));

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.INSERT, "eu-west-1", OriginKind.REPLICA, "public"));

        JsonNode json = JSON.readTree(envelope.json());
        assertThat(json.get("specversion").asText()).isEqualTo("1.0");
        assertThat(json.get("id").asText()).isEqualTo(record.eventId());
        assertThat(json.get("source").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
        assertThat(json.get("type").asText()).isEqualTo("dev.distributary.orders.order.insert");
        assertThat(json.get("subject").asText()).isEqualTo("pk=order#1,sk=v0");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-26T10:00:00.123Z");
        assertThat(json.get("dataschema").asText())
                .isEqualTo("https://distributary.dev/schemas/event-envelope/2.0.json");
        assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.get("originregion").asText()).isEqualTo("eu-west-1");
        assertThat(json.get("originkind").asText()).isEqualTo("replica");
        assertThat(json.get("residency").asText()).isEqualTo("public");
        assertThat(json.get("sequence").asText()).isEqualTo(record.sequenceNumber());
        assertThat(json.get("entitytype").asText()).isEqualTo("order");
        assertThat(json.get("data").get("op").asText()).isEqualTo("insert");
        assertThat(json.get("data").get("before").isNull()).isTrue();
        assertThat(json.get("data").get("after").get("status").asText()).isEqualTo("PLACED");
        assertThat(json.get("data").get("truncated").asBoolean()).isFalse();
        assertThat(envelope.truncated()).isFalse();
    }

    @Test
    void insert_messageAttributesCarryWhatFilterPoliciesMatch() {
        ChangeRecord record = orders.insert(keys, Items.with(order("PAID"), "priority", n(1)));

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.messageAttributes())
                .containsExactly(
                        Map.entry("eventName", "INSERT"),
                        Map.entry("table", "orders"),
                        Map.entry("entityType", "order"),
                        Map.entry("originKind", "local"),
                        Map.entry("originRegion", "us-east-1"),
                        Map.entry("residency", "public"),
                        Map.entry("item.priority", "1"),
                        Map.entry("item.status", "PAID"));
    }

    @Test
    void tombstone_countsAsRemove_andTakesItemAttributesFromTheOldImage() {
        Image before = Items.with(order("PAID"), "priority", n(1));
        Image tombstone =
                Items.tombstone(Items.with(before, "status", s("CANCELLED")), "us-east-1", WRITTEN_AT, 1_795_773_600L);
        ChangeRecord record = orders.modify(keys, before, tombstone);

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.TOMBSTONE, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.messageAttributes())
                .containsEntry("eventName", "REMOVE")
                .containsEntry("item.status", "PAID");
        ChangeEvent event = ChangeEvent.parse(envelope.json());
        assertThat(event.op()).isEqualTo(Operation.TOMBSTONE);
        assertThat(event.type()).isEqualTo("dev.distributary.orders.order.tombstone");
        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(WRITTEN_AT));
        assertThat(event.item()).contains(before);
    }

    @Test
    void hardRemove_timeIsTheRecordsCreationTime_notTheLastWritersStamp() {
        ChangeRecord record = orders.remove(keys, Items.stamped(order("PAID"), "eu-west-1", WRITTEN_AT - 60_000));

        ChangeEvent event = ChangeEvent.parse(
                factory.create(record, EventContext.of(Operation.REMOVE, "us-east-1", OriginKind.LOCAL, "public"))
                        .json());

        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(event.after()).isEmpty();
        assertThat(event.before()).isPresent();
    }

    @Test
    void expiry_hasItsOwnOpTypeAndEventName_andTakesItsItemAndTimeFromTheRemoval() {
        Image expired = Items.with(Items.stamped(order("PAID"), "eu-west-1", WRITTEN_AT - 60_000), "priority", n(1));
        ChangeRecord record = orders.ttlExpiry(keys, expired);

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.EXPIRE, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.messageAttributes())
                .containsEntry("eventName", "EXPIRE")
                .containsEntry("originRegion", "us-east-1")
                .containsEntry("item.status", "PAID");
        ChangeEvent event = ChangeEvent.parse(envelope.json());
        assertThat(event.op()).isEqualTo(Operation.EXPIRE);
        assertThat(event.eventName()).isEqualTo(Operation.EXPIRE);
        assertThat(event.type()).isEqualTo("dev.distributary.orders.order.expire");
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
        assertThat(event.item()).contains(expired);
        assertThat(event.after()).isEmpty();
    }

    @Test
    void replicatedExpiry_withTheOriginUnknown_namesNoOriginRegion_inTheEnvelopeOrItsAttributes() throws Exception {
        ChangeRecord record = orders.remove(keys, Items.stamped(order("PAID"), "eu-west-1", WRITTEN_AT));

        Envelope envelope = factory.create(
                record, EventContext.of(Operation.EXPIRE, java.util.Optional.empty(), OriginKind.REPLICA, "public"));

        assertThat(JSON.readTree(envelope.json()).has("originregion")).isFalse();
        assertThat(envelope.messageAttributes())
                .doesNotContainKey("originRegion")
                .containsEntry("originKind", "replica");
        assertThat(ChangeEvent.parse(envelope.json()).originRegion()).isEmpty();
    }

    @Test
    void localContextWithoutOriginRegion_isRefused() {
        assertThatThrownBy(
                        () -> EventContext.of(Operation.EXPIRE, java.util.Optional.empty(), OriginKind.LOCAL, "public"))
                .hasMessage("a local change is written in the region processing it: its originRegion must be given");
    }

    @Test
    void explicitContext_winsOverWhatTheImageSays() {
        ChangeRecord record = orders.insert(keys, Items.stamped(order("PLACED"), "us-east-1", WRITTEN_AT));
        EventContext context = EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public")
                .withWriteTime(Instant.parse("2030-01-01T00:00:00.5Z"))
                .withEntityType("invoice");

        ChangeEvent event = ChangeEvent.parse(factory.create(record, context).json());

        assertThat(event.time()).isEqualTo(Instant.parse("2030-01-01T00:00:00.5Z"));
        assertThat(event.entityType()).contains("invoice");
        assertThat(event.type()).isEqualTo("dev.distributary.orders.invoice.insert");
    }

    @Test
    void itemWithoutEntityTypeOrFilterAttributes_leavesThoseAttributesOut() {
        ChangeRecord record =
                orders.insert(keys, Items.of("pk", s("order#1"), "sk", s("v0"), "status", AttributeValue.bool(true)));

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.messageAttributes())
                .doesNotContainKeys("entityType", "item.priority")
                .containsEntry("item.status", "true");
        assertThat(ChangeEvent.parse(envelope.json()).type()).isEqualTo("dev.distributary.orders.insert");
    }

    @Test
    void changeLargerThanSns_degradesToKeysOnly_andStillFits() {
        String big = "x".repeat(200_000);
        ChangeRecord record = orders.modify(
                keys, Items.with(order("PLACED"), "blob", s(big)), Items.with(order("PAID"), "blob", s(big)));

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.MODIFY, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.truncated()).isTrue();
        assertThat(envelope.snsSizeBytes()).isLessThanOrEqualTo(Envelope.MAX_SNS_BYTES);
        ChangeEvent event = ChangeEvent.parse(envelope.json());
        assertThat(event.truncated()).isTrue();
        assertThat(event.keys()).isEqualTo(keys);
        assertThat(event.before()).isEmpty();
        assertThat(event.after()).isEmpty();
        assertThat(envelope.messageAttributes()).containsEntry("item.status", "PAID");
    }

    @Test
    void changeJustUnderTheLimit_isNotTruncated() {
        ChangeRecord record = orders.insert(keys, Items.with(order("PLACED"), "blob", s("x".repeat(250_000))));

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.truncated()).isFalse();
        assertThat(envelope.snsSizeBytes()).isBetween(250_000L, (long) Envelope.MAX_SNS_BYTES);
    }

    @Test
    void fifoIds_areTableAndKey_andTheEventId() {
        ChangeRecord record = orders.insert(keys, order("PLACED"));

        Envelope envelope =
                factory.create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(envelope.messageGroupId()).isEqualTo("orders/pk=order#1,sk=v0");
        assertThat(envelope.deduplicationId()).isEqualTo(record.eventId());
    }

    @Test
    void keyThatIsNoValidGroupId_isHashed_theSameForEveryChangeOfTheItem() {
        Image unicodeKeys = Items.of("pk", s("客户 " + "é".repeat(200)), "sk", s("v0"));
        Envelope first = factory.create(
                orders.insert(unicodeKeys, order("PLACED")),
                EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));
        Envelope second = factory.create(
                orders.modify(unicodeKeys, order("PLACED"), order("PAID")),
                EventContext.of(Operation.MODIFY, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(first.messageGroupId()).matches("sha256:[0-9a-f]{64}").isEqualTo(second.messageGroupId());
    }

    @Test
    void numberKeys_areOrderedPartitionKeyFirst() {
        Image reversed = Items.of("entry", n(7), "accountId", s("acc-1"));
        EnvelopeFactory ledger = new EnvelopeFactory(Platforms.fifo());
        ChangeRecord record =
                ChangeRecords.in("us-east-1", "accounts").insert(reversed, Items.with(reversed, "kind", s("debit")));

        Envelope envelope =
                ledger.create(record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public"));

        assertThat(ChangeEvent.parse(envelope.json()).subject()).isEqualTo("accountId=acc-1,entry=7");
        assertThat(envelope.messageAttributes())
                .containsEntry("entityType", "debit")
                .containsEntry("item.kind", "debit");
    }

    @Test
    void recordOfATableThePlatformLacks_isRefusedNamingIt() {
        ChangeRecord record = ChangeRecords.in("us-east-1", "invoices").insert(keys, order("PLACED"));

        assertThatThrownBy(() -> factory.create(
                        record, EventContext.of(Operation.INSERT, "us-east-1", OriginKind.LOCAL, "public")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "table 'invoices', which platform 'matrix' does not define; tables: [orders, eu-customers]");
    }

    @Test
    void context_refusesAnEmptyOriginRegion() {
        assertThatThrownBy(() -> EventContext.of(Operation.INSERT, " ", OriginKind.LOCAL, "public"))
                .hasMessage("originRegion must not be empty");
    }

    static Image order(String status) {
        return Items.of(
                "pk", s("order#1"), "sk", s("v0"), "entityType", s("order"), "status", s(status), "total", n("12.50"));
    }
}
