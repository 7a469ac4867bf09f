package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.processor.internal.aws.LambdaEventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handler's event, read as the JSON Lambda sends, and its answer as Lambda reads it. */
class LambdaEventJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eventOfAMappingWithATumblingWindow_namesItsShard() throws IOException {
        LambdaEventJson.Batch batch = read("orders-us-east-1-window.json");

        assertThat(batch.shard())
                .contains(new StreamShard(
                        "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-26T00:00:00.000",
                        "shardId-00000001795687200000-abcdef12"));
        assertThat(batch.records()).hasSize(2);
    }

    @Test
    void eventWithoutAWindow_namesNoShard() throws IOException {
        assertThat(read("orders-us-east-1-batch.json").shard()).isEmpty();
    }

    @Test
    void records_arePassedOnExactlyAsDelivered_evenWhatNoTypedModelHolds() throws IOException {
        String record = "{\"eventID\":\"e-1\",\"eventName\":\"INSERT\",\"dynamodb\":{"
                + "\"ApproximateCreationDateTime\":1795700000.123456789,\"SequenceNumber\":\"7\","
                + "\"Keys\":{\"pk\":{\"S\":\"a\",\"N\":\"1\"}},\"Unknown\":[1]},\"extra\":true}";

        LambdaEventJson.Batch batch = LambdaEventJson.read(stream("{\"Records\":[" + record + ",\"not a record\"]}"));

        assertThat(batch.records()).hasSize(2);
        assertThat(batch.records().get(0).toString()).isEqualTo(record);
        assertThat(batch.records()
                        .get(0)
                        .at("/dynamodb/ApproximateCreationDateTime")
                        .decimalValue())
                .hasToString("1795700000.123456789");
        assertThat(batch.records().get(1).asText()).isEqualTo("not a record");
    }

    @Test
    void eventWithoutRecords_isAnEmptyBatch() throws IOException {
        assertThat(LambdaEventJson.read(stream("{}")).records()).isEmpty();
    }

    @Test
    void payloadThatIsNotAnObject_failsTheInvocation_sayingWhatItIs() {
        assertThatThrownBy(() -> LambdaEventJson.read(stream("[1,2]")))
                .isInstanceOf(IOException.class)
                .hasMessage("the invocation's payload is not a JSON object: array");
    }

    @Test
    void answer_withoutFailure_hasAnEmptyStateAndNoBatchItemFailure() throws IOException {
        assertThat(answer(Optional.empty())).isEqualTo(JSON.readTree("{\"state\":{},\"batchItemFailures\":[]}"));
    }

    @Test
    void answer_withARetryPoint_namesItsSequenceNumber() throws IOException {
        assertThat(answer(Optional.of("1003")))
                .isEqualTo(JSON.readTree("{\"state\":{},\"batchItemFailures\":[{\"itemIdentifier\":\"1003\"}]}"));
    }

    private static JsonNode answer(Optional<String> retryFrom) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventJson.answer(out, retryFrom);
        return JSON.readTree(out.toByteArray());
    }

    private static LambdaEventJson.Batch read(String event) throws IOException {
        try (InputStream in = LambdaEventJsonTest.class.getResourceAsStream("/events/" + event)) {
            return LambdaEventJson.read(in);
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
