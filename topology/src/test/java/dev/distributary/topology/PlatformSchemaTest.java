package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/platform.schema.json, the schema editors use, agrees with the loader. */
class PlatformSchemaTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path SCHEMA = Path.of("..", "docs", "platform.schema.json");

    static Stream<Path> shippedFiles() {
        return Stream.of(Platforms.SHIPPED, Platforms.PRIMARY_REGION_EXAMPLE, Platforms.FIFO_EXAMPLE);
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void shippedFile_passesTheSchema(Path file) throws IOException {
        assertThat(schema().validate(YAML.readTree(file.toFile()))).isEmpty();
    }

    @Test
    void fileTheLoaderRejectsForRange_isRejectedByTheSchemaToo() throws IOException {
        JsonNode bad = YAML.readTree(Platforms.baseWith("batchSize: 100", "batchSize: 10001"));

        assertThat(schema().validate(bad)).extracting(Object::toString).anyMatch(m -> m.contains("batchSize"));
    }

    @Test
    void fileWithAnUnknownKey_isRejectedByTheSchemaToo() throws IOException {
        JsonNode bad = YAML.readTree(Platforms.baseWith("sortKey:", "sortkey:"));

        assertThat(schema().validate(bad)).extracting(Object::toString).anyMatch(m -> m.contains("sortkey"));
    }

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
    }
}
