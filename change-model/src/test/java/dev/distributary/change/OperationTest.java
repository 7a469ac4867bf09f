package dev.distributary.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OperationTest {

    @Test
    void streamEventName_theThreeDynamoDbNames_mapToTheirOperations() {
        assertThat(Operation.fromStreamEventName("INSERT")).contains(Operation.INSERT);
        assertThat(Operation.fromStreamEventName("MODIFY")).contains(Operation.MODIFY);
        assertThat(Operation.fromStreamEventName("REMOVE")).contains(Operation.REMOVE);
    }

    @Test
    void streamEventName_unknownOrClassifierOnlyName_isEmptyNeverModify() {
        assertThat(Operation.fromStreamEventName("UPSERT")).isEmpty();
        assertThat(Operation.fromStreamEventName("modify")).isEmpty();
        assertThat(Operation.fromStreamEventName("")).isEmpty();
        assertThat(Operation.fromStreamEventName(null)).isEmpty();
        assertThat(Operation.fromStreamEventName("TOMBSTONE")).isEmpty();
        assertThat(Operation.fromStreamEventName("EXPIRE")).isEmpty();
    }

    @Test
    void wireName_everyOperation_roundTrips() {
        for (Operation op : Operation.values()) {
            assertThat(Operation.fromWireName(op.wireName())).contains(op);
        }
        assertThat(Operation.fromWireName("upsert")).isEmpty();
        assertThat(Operation.fromWireName("INSERT")).isEmpty();
    }

    @Test
    void eventName_tombstone_countsAsRemoveAndIsNoEventNameOfItsOwn() {
        assertThat(Operation.TOMBSTONE.eventName()).isEqualTo(Operation.REMOVE);
        assertThat(Operation.EXPIRE.eventName()).isEqualTo(Operation.EXPIRE);
        assertThat(Operation.EVENT_NAMES)
                .containsExactly(Operation.INSERT, Operation.MODIFY, Operation.REMOVE, Operation.EXPIRE);
        assertThat(Arrays.stream(Operation.values()).map(Operation::eventName))
                .allMatch(Operation.EVENT_NAMES::contains);
    }

    @Test
    void removesItem_removeTombstoneExpire_onlyThose() {
        assertThat(Arrays.stream(Operation.values()).filter(Operation::removesItem))
                .containsExactly(Operation.REMOVE, Operation.TOMBSTONE, Operation.EXPIRE);
    }
}
