package dev.distributary.replication;

import static dev.distributary.change.AttributeValue.bool;
import static dev.distributary.change.AttributeValue.n;
import static dev.distributary.change.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.change.UserIdentity;
import dev.distributary.change.fixtures.ChangeRecords;
import dev.distributary.change.fixtures.Items;
import dev.distributary.topology.Platforms;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OriginClassifierTest {
    static final OriginClassifier US = OriginClassifier.of(Platforms.ownStamps(), "us-east-1");
    static final OriginClassifier EU = OriginClassifier.of(Platforms.ownStamps(), "eu-west-1");
    static final Image KEYS = Items.of("pk", s("order#9"), "sk", s("v0"));
    static final Image ITEM = Items.with(KEYS, "status", s("PLACED"), "total", n("12.50"));
    static final long T = 1_795_687_200_123L;

    static ChangeRecords eu() {
        return ChangeRecords.in("eu-west-1", "orders");
    }

    @Nested
    class Writes {
        @Test
        void insertAllTypes_stampedWithProcessingRegion_localInsertWithWriteTime() {
            Classification c = US.classify(ChangeRecords.fixture("insert-all-types"));

            assertThat(c)
                    .isEqualTo(new LocalWrite(
                            Operation.INSERT,
                            new Origin("us-east-1", OptionalLong.of(1_795_687_200_123L), false),
                            false));
            assertThat(c.isLocal()).isTrue();
            assertThat(c.originRegion()).contains("us-east-1");
            assertThat(c.writeTimeMillis()).hasValue(1_795_687_200_123L);
            assertThat(c.op()).contains(Operation.INSERT);
            assertThat(c.reason()).isEqualTo("an INSERT written in us-east-1, the region processing it");
        }

        @Test
        void modifyReplicatedFromEu_readInUsEast_replicaModifyNamingEu() {
            Classification c = US.classify(ChangeRecords.fixture("modify-replicated-from-eu"));

            assertThat(c).isInstanceOf(ReplicaWrite.class);
            assertThat(c.isLocal()).isFalse();
            assertThat(c.originRegion()).contains("eu-west-1");
            assertThat(c.writeTimeMillis()).hasValue(1_795_687_200_999L);
            assertThat(c.op()).contains(Operation.MODIFY);
            assertThat(c.reason()).isEqualTo("a MODIFY written in eu-west-1, and replicated into us-east-1");
        }

        @Test
        void modify_stampedWithProcessingRegion_localModify() {
            ChangeRecord record =
                    eu().modify(KEYS, Items.stamped(ITEM, "us-east-1", T), Items.stamped(ITEM, "eu-west-1", T + 5));

            assertThat(EU.classify(record))
                    .isEqualTo(new LocalWrite(
                            Operation.MODIFY, new Origin("eu-west-1", OptionalLong.of(T + 5), false), false));
        }

        @Test
        void modify_overTombstone_isLocalInsertBecauseItReCreatesTheItem() {
            ChangeRecord record = eu().modify(
                            KEYS,
                            Items.tombstone(ITEM, "us-east-1", T, 1_795_773_600L),
                            Items.stamped(ITEM, "eu-west-1", T + 5));

            Classification c = EU.classify(record);

            assertThat(c).isInstanceOf(LocalWrite.class);
            assertThat(c.op()).contains(Operation.INSERT);
        }

        @Test
        void insert_originWithoutWriteTime_classifiedWithEmptyWriteTime() {
            ChangeRecord record = eu().insert(KEYS, Items.with(ITEM, Items.ORIGIN, s("ap-southeast-2")));

            Classification c = EU.classify(record);

            assertThat(c).isInstanceOf(ReplicaWrite.class);
            assertThat(c.originRegion()).contains("ap-southeast-2");
            assertThat(c.writeTimeMillis()).isEmpty();
        }

        @Test
        void insert_writeTimeInExponentNotation_readAsWholeMilliseconds() {
            ChangeRecord record = eu().insert(
                            KEYS,
                            Items.with(ITEM, Items.ORIGIN, s("eu-west-1"), Items.WRITTEN_AT, n("1.795687200123E12")));

            assertThat(EU.classify(record).writeTimeMillis()).hasValue(T);
        }

        @Test
        void tableWithOwnStampNames_stampReadFromThoseAttributes() {
            ChangeRecords ledger = ChangeRecords.in("us-east-1", "ledger");
            Image keys = Items.of("id", s("l-1"));
            Image stamped =
                    Items.with(keys, "writtenIn", s("eu-west-1"), "writtenAtMs", n(T), Items.ORIGIN, s("us-east-1"));

            Classification c = US.classify(ledger.insert(keys, stamped));

            assertThat(c).isInstanceOf(ReplicaWrite.class);
            assertThat(c.originRegion()).contains("eu-west-1");
        }

        @Test
        void oversizedItem_400KilobyteImage_classifiedLikeAnyOther() {
            Image big = Items.stamped(Items.with(ITEM, "blob", s("x".repeat(399_000))), "eu-west-1", T);

            assertThat(EU.classify(eu().insert(KEYS, big))).isInstanceOf(LocalWrite.class);
        }
    }

    @Nested
    class Deletes {
        @Test
        void hardRemove_lastWrittenInProcessingRegion_localRemove() {
            Classification c = EU.classify(ChangeRecords.fixture("remove-hard"));

            assertThat(c)
                    .isEqualTo(new LocalWrite(
                            Operation.REMOVE,
                            new Origin("eu-west-1", OptionalLong.of(1_795_687_000_000L), false),
                            false));
            assertThat(c.reason())
                    .isEqualTo(
                            "a hard delete, attributed to the item's last writer eu-west-1, the region processing it");
        }

        @Test
        void hardRemove_lastWrittenElsewhere_replicaRemove() {
            Classification c = US.classify(
                    ChangeRecords.in("us-east-1", "orders").remove(KEYS, Items.stamped(ITEM, "eu-west-1", T)));

            assertThat(c).isInstanceOf(ReplicaWrite.class);
            assertThat(c.op()).contains(Operation.REMOVE);
            assertThat(c.originRegion()).contains("eu-west-1");
        }

        @Test
        void hardRemove_ofTombstoneBeforeItsTtl_flagsThatTheDeleteWasPublishedBefore() {
            Image tombstone = Items.tombstone(ITEM, "eu-west-1", T, 1_795_773_600L);

            Classification c =
                    EU.classify(eu().at(Instant.ofEpochSecond(1_795_687_300L)).remove(KEYS, tombstone));

            assertThat(c)
                    .isEqualTo(
                            new LocalWrite(Operation.REMOVE, new Origin("eu-west-1", OptionalLong.of(T), false), true));
            assertThat(c.reason()).contains("of a tombstone");
        }

        @Test
        void tombstone_writtenInProcessingRegion_localTombstone() {
            Classification c = EU.classify(ChangeRecords.fixture("tombstone"));

            assertThat(c)
                    .isEqualTo(
                            new Tombstone(new Origin("eu-west-1", OptionalLong.of(1_795_687_203_456L), false), true));
            assertThat(c.op()).contains(Operation.TOMBSTONE);
            assertThat(Operation.TOMBSTONE.eventName()).isEqualTo(Operation.REMOVE);
        }

        @Test
        void tombstone_replicatedIn_notLocalAndNamesTheDeleter() {
            ChangeRecord record = ChangeRecords.in("us-east-1", "orders")
                    .modify(
                            KEYS,
                            Items.stamped(ITEM, "us-east-1", T),
                            Items.tombstone(ITEM, "eu-west-1", T + 9, 1_795_773_600L));

            Classification c = US.classify(record);

            assertThat(c).isEqualTo(new Tombstone(new Origin("eu-west-1", OptionalLong.of(T + 9), false), false));
            assertThat(c.reason()).isEqualTo("a tombstone (logical delete) written in eu-west-1, and replicated here");
        }

        @Test
        void tombstone_arrivingAsInsert_stillATombstone() {
            Classification c = US.classify(
                    ChangeRecords.in("us-east-1", "orders").insert(KEYS, Items.tombstone(ITEM, "eu-west-1", T, 1L)));

            assertThat(c).isInstanceOf(Tombstone.class);
        }
    }

    @Nested
    class Ttl {
        @Test
        void ttlRemoval_withServiceIdentity_localExpiryOfATombstone() {
            Classification c = EU.classify(ChangeRecords.fixture("remove-ttl-service"));

            assertThat(c).isEqualTo(new TtlExpiry(true, "eu-west-1", true, OptionalLong.of(1_795_773_603L)));
            assertThat(c.isLocal()).isTrue();
            assertThat(c.originRegion()).contains("eu-west-1");
            assertThat(c.op()).contains(Operation.EXPIRE);
            assertThat(Operation.EXPIRE.eventName()).isEqualTo(Operation.EXPIRE);
            assertThat(c.writeTimeMillis()).isEmpty();
        }

        @Test
        void ttlRemoval_withoutIdentity_ttlBeforeCreationTime_replicatedExpiry() {
            Classification c = US.classify(ChangeRecords.fixture("remove-ttl-replicated"));

            assertThat(c).isEqualTo(new TtlExpiry(false, "us-east-1", true, OptionalLong.of(1_795_773_603L)));
            assertThat(c.isLocal()).isFalse();
            assertThat(c.originRegion()).isEmpty();
            assertThat(c.op()).contains(Operation.EXPIRE);
            assertThat(c.reason()).contains("no identity").contains("1795773603");
        }

        @Test
        void ttlRemoval_withServiceIdentity_ofAnOrdinaryItem_notATombstone() {
            Image expiring = Items.with(Items.stamped(ITEM, "us-east-1", T), Items.EXPIRES_AT, n(1_795_687_000L));

            Classification c = EU.classify(eu().ttlExpiry(KEYS, expiring));

            assertThat(c).isEqualTo(new TtlExpiry(true, "eu-west-1", false, OptionalLong.of(1_795_687_000L)));
        }

        @Test
        void remove_withoutIdentity_ttlStillInTheFuture_hardDeleteByLastWriter() {
            Image expiring = Items.with(Items.stamped(ITEM, "eu-west-1", T), Items.EXPIRES_AT, n(1_795_773_600L));

            Classification c =
                    EU.classify(eu().at(Instant.ofEpochSecond(1_795_773_599L)).remove(KEYS, expiring));

            assertThat(c).isInstanceOf(LocalWrite.class);
            assertThat(c.op()).contains(Operation.REMOVE);
        }

        @Test
        void remove_withoutIdentity_ttlExactlyAtCreationTime_replicatedExpiry() {
            Image expiring = Items.with(Items.stamped(ITEM, "eu-west-1", T), Items.EXPIRES_AT, n(1_795_773_600L));

            assertThat(EU.classify(
                            eu().at(Instant.ofEpochSecond(1_795_773_600L)).remove(KEYS, expiring)))
                    .isInstanceOf(TtlExpiry.class);
        }

        @Test
        void remove_ttlOfWrongType_notTakenForAnExpiry() {
            Image item = Items.with(Items.stamped(ITEM, "eu-west-1", T), Items.EXPIRES_AT, s("1"));

            assertThat(EU.classify(eu().remove(KEYS, item))).isInstanceOf(LocalWrite.class);
        }

        @Test
        void remove_withAnotherIdentity_treatedAsHardDelete() {
            ChangeRecord record = eu().record(
                            "REMOVE",
                            KEYS,
                            Optional.of(Items.stamped(ITEM, "us-east-1", T)),
                            Optional.empty(),
                            Optional.of(new UserIdentity("Service", "something.amazonaws.com")));

            assertThat(EU.classify(record)).isInstanceOf(ReplicaWrite.class);
        }
    }

    @Nested
    class Legacy {
        @Test
        void legacyBookkeepingModify_onlyAwsRepAttributesAdded_skippedAsBookkeeping() {
            Classification c = US.classify(ChangeRecords.fixture("legacy-2017-replica"));

            assertThat(c)
                    .isEqualTo(new LegacyBookkeeping(
                            new Origin("eu-west-1", OptionalLong.of(1_795_687_204_125L), true), false));
            assertThat(c.op()).contains(Operation.MODIFY);
            assertThat(c.reason()).contains("aws:rep:*");
        }

        @Test
        void legacyBookkeeping_inTheRegionItNames_isLocalBookkeeping() {
            Image before = Items.stamped(ITEM, "eu-west-1", T);
            Image after = Items.with(
                    before,
                    "aws:rep:updateregion",
                    s("eu-west-1"),
                    "aws:rep:updatetime",
                    n("1795687200.2"),
                    "aws:rep:deleting",
                    bool(false));

            Classification c = EU.classify(eu().modify(KEYS, before, after));

            assertThat(c).isInstanceOf(LegacyBookkeeping.class);
            assertThat(c.isLocal()).isTrue();
        }

        @Test
        void legacyOnlyItem_dataChanged_replicaWriteFromUpdateRegion() {
            Image before =
                    Items.with(ITEM, "aws:rep:updateregion", s("us-east-1"), "aws:rep:updatetime", n("1795687100.5"));
            Image after = Items.with(
                    ITEM,
                    "status",
                    s("PAID"),
                    "aws:rep:updateregion",
                    s("eu-west-1"),
                    "aws:rep:updatetime",
                    n("1795687204.125001"));

            Classification c =
                    US.classify(ChangeRecords.in("us-east-1", "orders").modify(KEYS, before, after));

            assertThat(c)
                    .isEqualTo(new ReplicaWrite(
                            Operation.MODIFY,
                            new Origin("eu-west-1", OptionalLong.of(1_795_687_204_125L), true),
                            "us-east-1",
                            false));
            assertThat(c.reason()).contains("2017.11.29");
        }

        @Test
        void itemWithBothStamps_originStampWinsOverStaleLegacyAttributes() {
            Image after = Items.with(
                    Items.stamped(ITEM, "eu-west-1", T), "status", s("PAID"), "aws:rep:updateregion", s("us-east-1"));

            assertThat(EU.classify(eu().modify(KEYS, ITEM, after))).isInstanceOf(LocalWrite.class);
        }

        @Test
        void legacyRemove_whileDeletingFlagSet_attributedToTheRegionThatSetIt() {
            Image before = Items.with(
                    Items.stamped(ITEM, "us-east-1", T),
                    "aws:rep:updateregion",
                    s("eu-west-1"),
                    "aws:rep:updatetime",
                    n("1795687300"),
                    "aws:rep:deleting",
                    bool(true));

            Classification c = EU.classify(eu().remove(KEYS, before));

            assertThat(c).isInstanceOf(LocalWrite.class);
            assertThat(c.writeTimeMillis()).hasValue(1_795_687_300_000L);
        }
    }

    @Nested
    class Unstamped_ {
        @Test
        void insertUnstamped_noOriginAttribute_unstampedInsert() {
            Classification c = US.classify(ChangeRecords.fixture("insert-unstamped"));

            assertThat(c).isInstanceOf(Unstamped.class);
            assertThat(c.op()).contains(Operation.INSERT);
            assertThat(c.isLocal()).isFalse();
            assertThat(c.originRegion()).isEmpty();
            assertThat(c.reason()).contains("'_origin'").contains("origin-stamping writer");
        }

        @Test
        void hardRemove_ofUnstampedItem_unstampedRemove() {
            Classification c = EU.classify(eu().remove(KEYS, ITEM));

            assertThat(c).isInstanceOf(Unstamped.class);
            assertThat(c.op()).contains(Operation.REMOVE);
        }

        @Test
        void tombstoneFlag_withoutStamp_unstampedTombstone() {
            Classification c = EU.classify(eu().modify(KEYS, ITEM, Items.with(ITEM, Items.DELETED, bool(true))));

            assertThat(c).isInstanceOf(Unstamped.class);
            assertThat(c.op()).contains(Operation.TOMBSTONE);
        }
    }

    @Nested
    class BadInput {
        @Test
        void unknownEventName_unclassifiableWithoutOp() {
            ChangeRecord record = eu().record(
                            "UPSERT",
                            KEYS,
                            Optional.empty(),
                            Optional.of(Items.stamped(ITEM, "eu-west-1", T)),
                            Optional.empty());

            Classification c = EU.classify(record);

            assertThat(c)
                    .isEqualTo(new Unclassifiable(
                            Optional.empty(),
                            "unknown event name 'UPSERT'; a DynamoDB stream record is INSERT, MODIFY or REMOVE"));
        }

        @Test
        void insert_withoutNewImage_unclassifiable() {
            ChangeRecord record = eu().record("INSERT", KEYS, Optional.empty(), Optional.empty(), Optional.empty());

            Classification c = EU.classify(record);

            assertThat(c).isInstanceOf(Unclassifiable.class);
            assertThat(c.op()).contains(Operation.INSERT);
            assertThat(c.reason()).contains("without a NewImage").contains("NEW_AND_OLD_IMAGES");
        }

        @Test
        void remove_withoutOldImage_unclassifiable() {
            ChangeRecord record = eu().record("REMOVE", KEYS, Optional.empty(), Optional.empty(), Optional.empty());

            assertThat(EU.classify(record).reason()).contains("without an OldImage");
        }

        @Test
        void originOfWrongType_unclassifiableNamingTheAttribute() {
            Classification c = EU.classify(eu().insert(KEYS, Items.with(ITEM, Items.ORIGIN, n(1))));

            assertThat(c).isInstanceOf(Unclassifiable.class);
            assertThat(c.reason()).isEqualTo("NewImage._origin is N, but an origin stamp must be S (a region code)");
        }

        @Test
        void writeTimeOfWrongType_unclassifiable() {
            Classification c = EU.classify(
                    eu().insert(KEYS, Items.with(ITEM, Items.ORIGIN, s("eu-west-1"), Items.WRITTEN_AT, s("now"))));

            assertThat(c.reason())
                    .isEqualTo("NewImage._writtenAt is S, but the write time must be N (epoch milliseconds)");
        }

        @Test
        void writeTimeWithFraction_unclassifiable() {
            Classification c = EU.classify(
                    eu().insert(KEYS, Items.with(ITEM, Items.ORIGIN, s("eu-west-1"), Items.WRITTEN_AT, n("12.5"))));

            assertThat(c.reason()).contains("whole epoch milliseconds");
        }

        @Test
        void deletedFlagOfWrongType_unclassifiable() {
            Classification c = EU.classify(
                    eu().modify(KEYS, ITEM, Items.with(Items.stamped(ITEM, "eu-west-1", T), Items.DELETED, s("yes"))));

            assertThat(c.reason()).isEqualTo("NewImage._deleted is S, but the tombstone flag must be BOOL");
        }

        @Test
        void originNamingRegionWithoutReplica_unclassifiable() {
            Classification c = EU.classify(eu().insert(KEYS, Items.stamped(ITEM, "us-west-2", T)));

            assertThat(c.reason()).contains("'us-west-2'").contains("holds no replica of table 'orders'");
        }

        @Test
        void legacyUpdateTimeNotANumber_unclassifiable() {
            Image after = Items.with(
                    ITEM, "status", s("PAID"), "aws:rep:updateregion", s("eu-west-1"), "aws:rep:updatetime", s("x"));

            assertThat(EU.classify(eu().modify(KEYS, ITEM, after))).isInstanceOf(Unclassifiable.class);
        }

        @Test
        void tableNotInPlatform_unclassifiable() {
            ChangeRecord record =
                    ChangeRecords.in("eu-west-1", "invoices").insert(KEYS, Items.stamped(ITEM, "eu-west-1", T));

            assertThat(EU.classify(record).reason()).startsWith("table 'invoices' is not in platform 'shop'");
        }

        @Test
        void recordFromAnotherRegionsStream_unclassifiable() {
            Classification c = US.classify(eu().insert(KEYS, Items.stamped(ITEM, "eu-west-1", T)));

            assertThat(c.reason()).contains("stream in eu-west-1").contains("processes us-east-1");
        }

        @Test
        void tableWithoutReplicaInRegion_unclassifiable() {
            ChangeRecord record = ChangeRecords.in("us-east-1", "eu-customers")
                    .insert(Items.of("customerId", s("c")), Items.of("customerId", s("c")));

            assertThat(US.classify(record).reason()).contains("has no replica in us-east-1");
        }

        @Test
        void regionNotInPlatform_refusedAtConstruction() {
            assertThatThrownBy(() -> OriginClassifier.of(Platforms.ownStamps(), "us-west-2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(
                            "'us-west-2' is not a region of platform 'shop' ([us-east-1, eu-west-1, ap-southeast-2])");
        }
    }
}
