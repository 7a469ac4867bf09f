package dev.distributary.benchmarks.naive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.benchmarks.StreamEvents;
import dev.distributary.fanout.MessageAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NaivePipelineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Message(String topicArn, JsonNode body, Map<String, String> attributes) {}

    private final List<Message> published = new ArrayList<>();

    private NaivePipeline pipeline(String region) {
        return new NaivePipeline(
                region, StreamEvents.topology(), StreamEvents.TOPIC_ARN, (topicArn, json, attributes) -> {
                    try {
                        published.add(new Message(topicArn, JSON.readTree(json), attributes));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    /** Ten records of eu-west-1's orders stream as the handler passes them on; the odd ones are replicated from us-east-1. */
    private static List<ObjectNode> records() throws Exception {
        List<ObjectNode> records = new ArrayList<>();
        JSON.readTree(StreamEvents.eventJson(1_024, 10))
                .get("Records")
                .forEach(record -> records.add((ObjectNode) record));
        return records;
    }

    @Test
    void process_batchOfLocalAndReplicatedRecords_publishesOneMessagePerRecord() throws Exception {
        NaivePipeline pipeline = pipeline(StreamEvents.REGION);
        List<ObjectNode> records = records();

        int count = pipeline.process(records);

        assertThat(count).isEqualTo(10);
        assertThat(pipeline.published()).isEqualTo(10);
        assertThat(published)
                .extracting(m -> m.body().get("id").asText())
                .containsExactlyElementsOf(
                        records.stream().map(r -> r.get("eventID").asText()).toList());
        assertThat(published).allSatisfy(m -> assertThat(m.topicArn()).isEqualTo(StreamEvents.TOPIC_ARN));
    }

    @Test
    void process_replicatedRecord_isPublishedAsALocalWriteOfTheProcessingRegion() throws Exception {
        ObjectNode replicated = records().get(1);
        assertThat(replicated.at("/dynamodb/NewImage/_origin/S").asText()).isEqualTo(StreamEvents.OTHER_REGION);

        pipeline(StreamEvents.REGION).process(List.of(replicated));

        assertThat(published).singleElement().satisfies(m -> {
            assertThat(m.attributes())
                    .containsEntry(MessageAttributes.ORIGIN_KIND, "local")
                    .containsEntry(MessageAttributes.ORIGIN_REGION, StreamEvents.REGION);
            assertThat(m.body().get("originkind").asText()).isEqualTo("local");
            assertThat(m.body().get("originregion").asText()).isEqualTo(StreamEvents.REGION);
        });
    }

    @Test
    void process_itemOfAClassForbiddenInTheRegion_isPublishedAnyway() throws Exception {
        ObjectNode record = records().get(0);
        ((ObjectNode) record.at("/dynamodb/NewImage/dataClass")).put("S", "eu-personal");

        int count = pipeline("us-east-1").process(List.of(record));

        assertThat(count).isEqualTo(1);
        assertThat(published)
                .singleElement()
                .satisfies(m -> assertThat(m.attributes()).containsEntry(MessageAttributes.RESIDENCY, "eu-personal"));
    }

    @Test
    void process_sameBatchDeliveredTwice_publishesEveryRecordTwice() throws Exception {
        NaivePipeline pipeline = pipeline(StreamEvents.REGION);

        pipeline.process(records());
        pipeline.process(records());

        assertThat(published).hasSize(20);
        assertThat(pipeline.published()).isEqualTo(20);
    }
}
