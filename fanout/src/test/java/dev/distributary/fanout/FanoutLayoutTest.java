package dev.distributary.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.topology.Platforms;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanoutLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:shop-events";
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:shop-billing";
    private static final String DLQ_ARN = "arn:aws:sqs:eu-west-1:123456789012:shop-billing-dlq";

    @Test
    void shippedPlatform_hasATopicInEveryRegion_andQueuesWhereConsumersLive() {
        FanoutLayout layout = FanoutLayout.of(Platforms.shipped());

        assertThat(layout.regions())
                .extracting(RegionFanout::region)
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(layout.region("us-east-1").subscriptions())
                .extracting(QueueSubscription::consumer)
                .containsExactly("billing", "order-cache", "restock");
        assertThat(layout.region("eu-west-1").subscriptions())
                .extracting(QueueSubscription::queueName)
                .containsExactly("shop-billing", "shop-order-cache", "shop-crm-sync", "shop-restock");
        assertThat(layout.region("eu-west-1").topicName()).isEqualTo("shop-events");
        assertThat(layout.region("eu-west-1").topicAttributes()).isEmpty();
    }

    @Test
    void localConsumerOfSomeEvents_filtersTableEventNameAndOriginKind() {
        QueueSubscription billing = FanoutLayout.of(Platforms.shipped())
                .region("eu-west-1")
                .subscription("billing")
                .orElseThrow();

        assertThat(billing.filterPolicy().json())
                .isEqualTo("{\"table\":[\"orders\"],\"eventName\":[\"INSERT\",\"MODIFY\"],\"originKind\":[\"local\"]}");
    }

    @Test
    void anyOriginConsumerOfAllEvents_filtersOnTheTableOnly() {
        QueueSubscription cache = FanoutLayout.of(Platforms.shipped())
                .region("eu-west-1")
                .subscription("order-cache")
                .orElseThrow();

        assertThat(cache.filterPolicy().json()).isEqualTo("{\"table\":[\"orders\"]}");
    }

    @Test
    void itemFilters_becomeItemAttributeKeys_withExactStringValues() {
        QueueSubscription paid = FanoutLayout.of(Platforms.matrix())
                .region("us-east-1")
                .subscription("paid-orders")
                .orElseThrow();

        assertThat(paid.filterPolicy().conditions())
                .containsExactly(
                        Map.entry("table", List.of("orders")),
                        Map.entry("eventName", List.of("INSERT", "MODIFY")),
                        Map.entry("item.priority", List.of("1")),
                        Map.entry("item.status", List.of("PAID", "SHIPPED")));
    }

    @Test
    void filterPolicies_useOnlyExactStringMatching() {
        for (RegionFanout region : FanoutLayout.of(Platforms.matrix()).regions()) {
            for (QueueSubscription subscription : region.subscriptions()) {
                JsonNode policy = read(subscription.filterPolicy().json());
                policy.fields()
                        .forEachRemaining(field -> field.getValue()
                                .forEach(value -> assertThat(value.isTextual())
                                        .as(subscription.consumer() + " " + field.getKey())
                                        .isTrue()));
            }
        }
    }

    @Test
    void filterPolicy_matchesAsSnsDoes() {
        FilterPolicy policy = FanoutLayout.of(Platforms.matrix())
                .region("us-east-1")
                .subscription("paid-orders")
                .orElseThrow()
                .filterPolicy();

        assertThat(policy.matches(
                        Map.of("table", "orders", "eventName", "MODIFY", "item.status", "PAID", "item.priority", "1")))
                .isTrue();
        assertThat(policy.matches(Map.of("table", "orders", "eventName", "MODIFY", "item.status", "PAID")))
                .isFalse();
        assertThat(policy.matches(
                        Map.of("table", "orders", "eventName", "REMOVE", "item.status", "PAID", "item.priority", "1")))
                .isFalse();
    }

    @Test
    void queueAttributes_redriveToTheDlqAfterMaxReceives_withLongPolling() {
        QueueSubscription billing = FanoutLayout.of(Platforms.shipped())
                .region("eu-west-1")
                .subscription("billing")
                .orElseThrow();

        Map<String, String> attributes = billing.queueAttributes(DLQ_ARN);

        assertThat(attributes)
                .containsEntry("VisibilityTimeout", "30")
                .containsEntry("ReceiveMessageWaitTimeSeconds", "20")
                .doesNotContainKey("FifoQueue");
        assertThat(read(attributes.get("RedrivePolicy")))
                .isEqualTo(read("{\"deadLetterTargetArn\":\"" + DLQ_ARN + "\",\"maxReceiveCount\":5}"));
        assertThat(billing.deadLetterQueueAttributes()).containsEntry("MessageRetentionPeriod", "1209600");
        assertThat(billing.subscriptionAttributes())
                .containsEntry("RawMessageDelivery", "true")
                .containsEntry("FilterPolicyScope", "MessageAttributes")
                .containsEntry("FilterPolicy", billing.filterPolicy().json());
    }

    @Test
    void queuePolicy_letsOnlyTheTopicSend_andDeniesPlainHttp() {
        QueueSubscription billing = FanoutLayout.of(Platforms.shipped())
                .region("eu-west-1")
                .subscription("billing")
                .orElseThrow();

        JsonNode policy = read(billing.queuePolicy(QUEUE_ARN, TOPIC_ARN));

        JsonNode allow = policy.get("Statement").get(0);
        assertThat(allow.get("Effect").asText()).isEqualTo("Allow");
        assertThat(allow.get("Principal").get("Service").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(allow.get("Action").asText()).isEqualTo("sqs:SendMessage");
        assertThat(allow.get("Resource").asText()).isEqualTo(QUEUE_ARN);
        assertThat(allow.get("Condition").get("ArnEquals").get("aws:SourceArn").asText())
                .isEqualTo(TOPIC_ARN);
        JsonNode deny = policy.get("Statement").get(1);
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.get("Condition").get("Bool").get("aws:SecureTransport").asText())
                .isEqualTo("false");
        assertThat(read(billing.deadLetterQueuePolicy(DLQ_ARN))
                        .get("Statement")
                        .get(0)
                        .get("Effect")
                        .asText())
                .isEqualTo("Deny");
    }

    @Test
    void fifoPlatform_hasFifoTopicAndQueues_withoutContentBasedDeduplication() {
        Topology fifo = Platforms.fifo();
        RegionFanout region =
                FanoutLayout.of(fifo, ResourceNames.of(fifo, "prod")).region("us-east-1");
        QueueSubscription statements = region.subscription("statements").orElseThrow();

        assertThat(region.topicName()).isEqualTo("ledger-prod-events.fifo");
        assertThat(region.topicAttributes())
                .containsEntry("FifoTopic", "true")
                .containsEntry("ContentBasedDeduplication", "false");
        assertThat(statements.queueName()).isEqualTo("ledger-prod-statements.fifo");
        assertThat(statements.deadLetterQueueName()).isEqualTo("ledger-prod-statements-dlq.fifo");
        assertThat(statements.queueAttributes(DLQ_ARN))
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "false");
        assertThat(statements.deadLetterQueueAttributes()).containsEntry("FifoQueue", "true");
    }

    @Test
    void consumerOfEveryTableNeedingSixKeys_dropsTheTableKey() {
        Topology topology = Platforms.parse(withConsumer("""
                    - name: picky
                      tables: [orders, eu-customers]
                      regions: [eu-west-1]
                      eventNames: [INSERT]
                      filters: {a: [x], b: [y], c: [z]}
                """));

        FilterPolicy policy = FanoutLayout.of(topology)
                .region("eu-west-1")
                .subscription("picky")
                .orElseThrow()
                .filterPolicy();

        assertThat(policy.conditions().keySet())
                .containsExactly("eventName", "originKind", "item.a", "item.b", "item.c");
    }

    @Test
    void consumerNeedingSixKeys_isRefusedSayingWhatToChange() {
        Topology topology = Platforms.parse(withConsumer("""
                    - name: picky
                      tables: [orders]
                      eventNames: [INSERT]
                      filters: {a: [x], b: [y], c: [z]}
                """));

        assertThatThrownBy(() -> FanoutLayout.of(topology))
                .isInstanceOf(FanoutConfigException.class)
                .hasMessage(
                        "consumer 'picky': its SNS filter policy needs 6 keys [table, eventName, originKind, item.a, item.b, item.c]"
                                + " and SNS allows 5; take all event names, use origin 'any' or filter on fewer item attributes");
    }

    @Test
    void consumersOfOneTableFilteringOnFiveAttributes_areRefused_becauseSnsCarriesTenAttributes() {
        Topology topology = Platforms.parse(withConsumer("""
                    - name: first
                      tables: [orders]
                      origin: any
                      filters: {a: [x], b: [y], c: [z]}
                    - name: second
                      tables: [orders]
                      origin: any
                      filters: {c: [z], d: [w], e: [v]}
                """));

        assertThatThrownBy(() -> FanoutLayout.of(topology))
                .isInstanceOf(FanoutConfigException.class)
                .hasMessageStartingWith(
                        "table 'orders': its consumers filter on 5 different item attributes: a (first), b (first), c (first, second), d (second), e (second)");
        assertThatThrownBy(() -> new EnvelopeFactory(topology)).isInstanceOf(FanoutConfigException.class);
    }

    @Test
    void policyWithTooManyCombinations_isRefused() {
        Topology topology = Platforms.parse(withConsumer("""
                    - name: wide
                      tables: [orders]
                      origin: any
                      filters:
                        a: [a1, a2, a3, a4, a5, a6]
                        b: [b1, b2, b3, b4, b5, b6]
                        c: [c1, c2, c3, c4, c5]
                """));

        assertThatThrownBy(() -> FanoutLayout.of(topology)).hasMessageContaining("has 180 value combinations");
    }

    @Test
    void regionOutsideThePlatform_isRefusedListingTheRegions() {
        assertThatThrownBy(() -> FanoutLayout.of(Platforms.shipped()).region("us-west-2"))
                .hasMessage(
                        "region 'us-west-2' is not one of the platform's regions [us-east-1, eu-west-1, ap-southeast-2]");
    }

    private static String withConsumer(String consumers) {
        return Platforms.MATRIX.substring(0, Platforms.MATRIX.indexOf("  consumers:")) + "  consumers:\n" + consumers;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
