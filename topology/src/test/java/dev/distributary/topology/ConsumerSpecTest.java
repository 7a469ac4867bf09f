package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.change.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumerSpecTest {

    private static ConsumerSpec consumer(Set<Operation> eventNames) {
        return new ConsumerSpec(
                "billing",
                List.of("us-east-1"),
                List.of("orders"),
                eventNames,
                OriginScope.LOCAL,
                Map.of(),
                ConsumerSpec.DEFAULT_MAX_RECEIVE_COUNT,
                ConsumerSpec.DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
    }

    @Test
    void eventNames_everyEventName_accepted() {
        assertThat(consumer(Operation.EVENT_NAMES).eventNames()).isEqualTo(Operation.EVENT_NAMES);
    }

    @Test
    void eventNames_tombstone_refusedAsNoEventName() {
        assertThatThrownBy(() -> consumer(Set.of(Operation.INSERT, Operation.TOMBSTONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("consumer billing subscribes to")
                .hasMessageContaining("event names are [INSERT, MODIFY, REMOVE, EXPIRE] (a tombstone is a REMOVE)");
    }
}
