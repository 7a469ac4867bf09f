package dev.distributary.replication.writer;

import static dev.distributary.replication.writer.MotoTables.CLOCK;
import static dev.distributary.replication.writer.MotoTables.NOW;
import static dev.distributary.replication.writer.MotoTables.REGION;
import static dev.distributary.replication.writer.MotoTables.key;
import static dev.distributary.replication.writer.MotoTables.n;
import static dev.distributary.replication.writer.MotoTables.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.change.ChangeRecord;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.replication.Classification;
import dev.distributary.replication.OriginClassifier;
import dev.distributary.replication.Tombstone;
import dev.distributary.topology.Platforms;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@MotoTest
class TombstoneWriterTest {
    static final long EXPIRES_AT = NOW / 1000 + 86_400;
    static DynamoDbClient plain;
    static DynamoDbClient stamping;
    static Map<String, String> streams;

    @BeforeAll
    static void tables(AwsClients aws) {
        streams = MotoTables.createAll(aws, REGION);
        plain = aws.dynamoDb(REGION);
        stamping = MotoTables.stampingClient(aws, REGION);
    }

    @AfterAll
    static void close() {
        stamping.close();
    }

    static Map<String, AttributeValue> stored(Map<String, AttributeValue> key) {
        return plain.getItem(b -> b.tableName("orders").key(key).consistentRead(true))
                .item();
    }

    static void putLive(String pk) {
        plain.putItem(b -> b.tableName("orders")
                .item(Map.of(
                        "pk",
                        s(pk),
                        "sk",
                        s("v0"),
                        "status",
                        s("PAID"),
                        "_origin",
                        s("us-east-1"),
                        "_writtenAt",
                        n(1L))));
    }

    @Test
    void delete_liveItem_setsDeletedFlagOriginWriteTimeAndTtl() {
        putLive("tomb-1");

        boolean deleted =
                new TombstoneWriter(plain, Platforms.ownStamps(), REGION, CLOCK).delete("orders", key("tomb-1"));

        assertThat(deleted).isTrue();
        assertThat(stored(key("tomb-1")))
                .containsEntry("_deleted", AttributeValue.fromBool(true))
                .containsEntry("_origin", s(REGION))
                .containsEntry("_writtenAt", n(NOW))
                .containsEntry("_expiresAt", n(EXPIRES_AT))
                .containsEntry("status", s("PAID"));
    }

    @Test
    void delete_missingItem_returnsFalse_andCreatesNothing() {
        boolean deleted =
                new TombstoneWriter(plain, Platforms.ownStamps(), REGION, CLOCK).delete("orders", key("tomb-none"));

        assertThat(deleted).isFalse();
        assertThat(stored(key("tomb-none"))).isEmpty();
    }

    @Test
    void delete_twice_secondReturnsFalse_andKeepsTheFirstStamp() {
        putLive("tomb-2");
        new TombstoneWriter(plain, Platforms.ownStamps(), REGION, CLOCK).delete("orders", key("tomb-2"));
        Clock later = Clock.fixed(Instant.ofEpochMilli(NOW + 60_000), ZoneOffset.UTC);

        boolean again =
                new TombstoneWriter(plain, Platforms.ownStamps(), "us-east-1", later).delete("orders", key("tomb-2"));

        assertThat(again).isFalse();
        assertThat(stored(key("tomb-2"))).containsEntry("_origin", s(REGION)).containsEntry("_writtenAt", n(NOW));
    }

    @Test
    void delete_throughClientWithTheInterceptor_notStampedTwice() {
        putLive("tomb-3");

        boolean deleted =
                new TombstoneWriter(stamping, Platforms.ownStamps(), REGION, CLOCK).delete("orders", key("tomb-3"));

        assertThat(deleted).isTrue();
        assertThat(stored(key("tomb-3")))
                .containsEntry("_deleted", AttributeValue.fromBool(true))
                .containsEntry("_origin", s(REGION));
    }

    @Test
    void delete_tableWithOwnStampNames_usesThemAndItsTombstoneTtl() {
        plain.putItem(b -> b.tableName("ledger").item(Map.of("id", s("l-9"))));

        new TombstoneWriter(plain, Platforms.ownStamps(), REGION, CLOCK).delete("ledger", Map.of("id", s("l-9")));

        assertThat(plain.getItem(b -> b.tableName("ledger").key(Map.of("id", s("l-9"))))
                        .item())
                .containsEntry("gone", AttributeValue.fromBool(true))
                .containsEntry("writtenIn", s(REGION))
                .containsEntry("purgeAt", n(NOW / 1000 + 3_600));
    }

    @Test
    void delete_tableNotInTopology_refusedWithReason() {
        TombstoneWriter writer = new TombstoneWriter(plain, Platforms.ownStamps(), REGION, CLOCK);

        assertThatThrownBy(() -> writer.delete("unmanaged", Map.of("id", s("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table 'unmanaged' is not in platform 'shop'; a tombstone needs its stamp attributes");
    }

    @Test
    void tombstone_readBackFromTheStream_classifiedAsLocalTombstone(AwsClients aws) {
        putLive("tomb-4");
        new TombstoneWriter(stamping, Platforms.ownStamps(), REGION, CLOCK).delete("orders", key("tomb-4"));

        ChangeRecord record = MotoTables.readStream(aws, REGION, streams.get("orders")).stream()
                .filter(r -> r.keys().string("pk").orElse("").equals("tomb-4")
                        && r.eventName().equals("MODIFY"))
                .findFirst()
                .orElseThrow();
        Classification c = OriginClassifier.of(Platforms.ownStamps(), REGION).classify(record);

        assertThat(c).isInstanceOf(Tombstone.class);
        assertThat(c.isLocal()).isTrue();
    }
}
