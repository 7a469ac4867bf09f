package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessorEnvironmentTest {

    @Test
    void shippedPlatform_encodedInline_decodesToTheSameText_andFitsLambdasEnvironment() throws IOException {
        String yaml = Files.readString(Platforms.SHIPPED);

        String encoded = ProcessorEnvironment.encodePlatform(yaml);

        assertThat(ProcessorEnvironment.decodePlatform(encoded)).isEqualTo(yaml);
        assertThat(encoded).startsWith("gzip+base64:").hasSizeLessThan(2_500);
    }

    @Test
    void topics_roundTripInOrder() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("eu-west-1", "arn:aws:sns:eu-west-1:1:shop-events");
        topics.put("us-east-1", "arn:aws:sns:us-east-1:1:shop-events");

        assertThat(ProcessorEnvironment.parseTopics(ProcessorEnvironment.formatTopics(topics))).containsExactlyEntriesOf(topics);
    }

    @Test
    void topicEntryWithoutRegion_isRefused_namingTheEntry() {
        assertThatThrownBy(() -> ProcessorEnvironment.parseTopics("arn:aws:sns:eu-west-1:1:x"))
                .hasMessage("DISTRIBUTARY_TOPICS entry 'arn:aws:sns:eu-west-1:1:x' is not region=topic-arn");
    }
}
