package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcessorEnvironmentTest {

    @Test
    void shippedPlatform_encodedInline_decodesToTheSameText_andFitsLambdasEnvironment() throws IOException {
        String yaml = Files.readString(Platforms.SHIPPED);

        String encoded = ProcessorEnvironment.encodePlatform(yaml);

        assertThat(ProcessorEnvironment.decodePlatform(encoded)).isEqualTo(yaml);
        assertThat(encoded).startsWith("gzip+base64:").hasSizeLessThan(2_500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../platform.yaml", "../examples/primary-region.yaml", "../examples/fifo.yaml"})
    void platform_compactedForTheEnvironment_loadsAsTheSameTopology_inLessThanItsCompressedFile(String file)
            throws IOException {
        String yaml = Files.readString(Path.of(file));

        String compact = ProcessorEnvironment.compactPlatform(yaml);

        assertThat(TopologyLoader.parse(ProcessorEnvironment.decodePlatform(compact), "env"))
                .isEqualTo(TopologyLoader.parse(yaml, file));
        assertThat(ProcessorEnvironment.decodePlatform(compact))
                .doesNotContain("#")
                .doesNotContain("\n");
        assertThat(compact.length())
                .isLessThan(ProcessorEnvironment.encodePlatform(yaml).length());
    }

    @Test
    void shippedPlatformsEnvironment_inEveryRegion_fitsLambdasFourKilobytes() throws IOException {
        Map<String, String> topics = Map.of("eu-west-1", "arn:aws:sns:eu-west-1:123456789012:shop-dev-events");
        Map<String, String> env = ProcessorEnvironment.of(
                Files.readString(Platforms.SHIPPED),
                topics,
                "https://sqs.eu-west-1.amazonaws.com/123456789012/shop-dev-quarantine",
                "shop-dev-idempotency");

        assertThat(LambdaRules.environmentBytes(env)).isLessThan(LambdaRules.MAX_ENVIRONMENT_BYTES / 2);
    }

    @Test
    void environment_carriesAwsRecommendedJvmStartUpOptions() {
        Map<String, String> env = ProcessorEnvironment.of(
                "name: shop", Map.of("eu-west-1", "arn:aws:sns:eu-west-1:1:shop-events"), "queue", "table");

        assertThat(env).containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    }

    @Test
    void topics_roundTripInOrder() {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("eu-west-1", "arn:aws:sns:eu-west-1:1:shop-events");
        topics.put("us-east-1", "arn:aws:sns:us-east-1:1:shop-events");

        assertThat(ProcessorEnvironment.parseTopics(ProcessorEnvironment.formatTopics(topics)))
                .containsExactlyEntriesOf(topics);
    }

    @Test
    void topicEntryWithoutRegion_isRefused_namingTheEntry() {
        assertThatThrownBy(() -> ProcessorEnvironment.parseTopics("arn:aws:sns:eu-west-1:1:x"))
                .hasMessage("DISTRIBUTARY_TOPICS entry 'arn:aws:sns:eu-west-1:1:x' is not region=topic-arn");
    }
}
