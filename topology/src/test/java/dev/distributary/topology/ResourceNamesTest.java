package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void standardPlatform_namesCarryThePlatformPrefix() {
        ResourceNames names = ResourceNames.of(TopologyLoader.load(Platforms.SHIPPED));

        assertThat(names.topic()).isEqualTo("shop-events");
        assertThat(names.queue("billing")).isEqualTo("shop-billing");
        assertThat(names.deadLetterQueue("billing")).isEqualTo("shop-billing-dlq");
        assertThat(names.quarantineQueue()).isEqualTo("shop-quarantine");
        assertThat(names.idempotencyTable()).isEqualTo("shop-idempotency");
    }

    @Test
    void fifoPlatform_topicAndConsumerQueuesEndInFifo_butQuarantineDoesNot() {
        ResourceNames names = ResourceNames.of(TopologyLoader.load(Platforms.FIFO_EXAMPLE), "prod");

        assertThat(names.topic()).isEqualTo("ledger-prod-events.fifo");
        assertThat(names.queue("statements")).isEqualTo("ledger-prod-statements.fifo");
        assertThat(names.deadLetterQueue("statements")).isEqualTo("ledger-prod-statements-dlq.fifo");
        assertThat(names.quarantineQueue()).isEqualTo("ledger-prod-quarantine");
    }

    @Test
    void longestPossibleQueueName_fitsSqsEightyCharacterLimit() {
        Topology fifo = TopologyLoader.parse(
                Platforms.baseWith("name: shop", "name: " + "a".repeat(20)) + "  type: fifo\n", "p.yaml");
        ResourceNames names = ResourceNames.of(fifo, "b".repeat(12));

        assertThat(names.deadLetterQueue("c".repeat(32))).hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void environmentWithSpaces_isRefused() {
        Topology topology = TopologyLoader.load(Platforms.SHIPPED);

        assertThatThrownBy(() -> ResourceNames.of(topology, "my env"))
                .hasMessageContaining("environment name 'my env' is not valid");
    }
}
