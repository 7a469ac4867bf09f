package dev.distributary.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamEventsTest {

    private static List<JsonNode> read(String event) {
        return StreamEvents.records(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recordsTheRuntimesSerializerWouldRefuseOrAlter_areKeptExactlyAsDelivered() {
        List<JsonNode> records = read("""
                {"Records":[
                  {"eventID":"a","dynamodb":{"SequenceNumber":"1","NewImage":{"flag":{"BOOL":"yes"},"odd":{"X":"1"},"both":{"S":"a","N":"1"}}}},
                  {"eventID":"b","dynamodb":{"SequenceNumber":"2","ApproximateCreationDateTime":1795687200.123,"NewImage":{"S":"bare"}}},
                  "not a record"
                ]}""");

        assertThat(records).hasSize(3);
        assertThat(records.get(0).at("/dynamodb/NewImage/flag/BOOL").asText()).isEqualTo("yes");
        assertThat(records.get(0).at("/dynamodb/NewImage/odd/X").asText()).isEqualTo("1");
        assertThat(records.get(0).at("/dynamodb/NewImage/both").size()).isEqualTo(2);
        assertThat(records.get(1).at("/dynamodb/ApproximateCreationDateTime").decimalValue()).hasToString("1795687200.123");
        assertThat(records.get(2).isTextual()).isTrue();
    }

    @Test
    void eventWithoutRecords_hasNone_andAnEventThatIsNoStreamEvent_failsTheInvocationWithWhatIsWrong() {
        assertThat(read("{}")).isEmpty();
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(StreamEvents.NotAStreamEventException.class)
                .hasMessage("the invocation's event is not a DynamoDB stream event: it must be an object whose Records is a list");
        assertThatThrownBy(() -> read("{\"Records\":")).isInstanceOf(StreamEvents.NotAStreamEventException.class)
                .hasMessageStartingWith("the invocation's event is not JSON");
    }

    @Test
    void response_namesTheRecordToRetryFrom_orNone() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamEvents.writeResponse(out, Optional.of("1003"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"1003\"}]}");
        assertThat(StreamEvents.response(Optional.empty())).isEqualTo("{\"batchItemFailures\":[]}");
    }
}
