package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.test.Mocks.CallArgs;
import com.pulumi.test.Mocks.ResourceArgs;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One region's stack run under Pulumi's mocks, with what it registered and looked up. */
record Stack(StackSettings settings, TestResult result, List<ResourceArgs> resources, List<CallArgs> calls) {
    static final Path PLATFORM = Path.of("../platform.yaml");
    static final Path PRIMARY_REGION = Path.of("../examples/primary-region.yaml");
    static final String JAR = "target/placeholder-processor.jar";
    private static final ObjectMapper JSON = new ObjectMapper();

    static StackSettings settings(Path platform, String region) {
        return StackSettings.load(region, platform, "test", JAR, Optional.empty());
    }

    /** Runs the region's stack under the mocks and cleans the mock deployment up. */
    static Stack run(Path platform, String region) {
        return run(settings(platform, region));
    }

    static Stack run(StackSettings settings) {
        RecordingCloud cloud = new RecordingCloud(settings.region());
        try {
            TestResult result = PulumiTest.withMocks(cloud)
                    .withOptions(TestOptions.builder()
                            .projectName("distributary")
                            .stackName("test-" + settings.region())
                            .preview(false)
                            .build())
                    .runTest(ctx -> DistributaryStack.declare(ctx, settings));
            return new Stack(settings, result, List.copyOf(cloud.resources), List.copyOf(cloud.calls));
        } finally {
            PulumiTest.cleanup(); // the mock deployment is a singleton; a test may run several stacks
        }
    }

    Stack succeeded() {
        assertThat(result.exceptions()).as("program exceptions").isEmpty();
        assertThat(result.errors()).as("engine errors").isEmpty();
        return this;
    }

    List<ResourceArgs> ofType(String type) {
        return resources.stream().filter(r -> r.type.equals(type)).toList();
    }

    ResourceArgs named(String type, String name) {
        return ofType(type).stream()
                .filter(r -> r.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " named " + name + "; there are "
                        + ofType(type).stream().map(r -> r.name).toList()));
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new TreeMap<>();
        resources.forEach(r -> counts.merge(r.type, 1, Integer::sum));
        return counts;
    }

    /** Every stack of the platform, one per region. */
    static List<Stack> everyRegion(Path platform) {
        StackSettings any = settings(
                platform,
                dev.distributary.topology.TopologyLoader.load(platform)
                        .regions()
                        .get(0));
        return any.topology().regions().stream()
                .map(region -> run(platform, region).succeeded())
                .toList();
    }

    static Object input(ResourceArgs resource, String... path) {
        Object value = resource.inputs;
        for (String key : path) {
            value = value instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return value;
    }

    static JsonNode json(Object text) {
        try {
            return JSON.readTree(String.valueOf(text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
