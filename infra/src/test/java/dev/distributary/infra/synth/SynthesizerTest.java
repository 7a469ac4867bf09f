package dev.distributary.infra.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.core.Output;
import dev.distributary.infra.StackSettings;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.FanoutSpec;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthesizerTest {
    private static final Path PLATFORM = Path.of("../platform.yaml");

    private static StackSettings settings(Path platform, String region) {
        return StackSettings.load(
                region, platform, "dev", "regional-processor/target/distributary-processor.jar", Optional.empty());
    }

    @Test
    void shippedPlatform_euWest1_listsComponentsThenTheirChildrenWithParentsProvidersAndSortedInputs() {
        Synthesis synthesis = Synthesizer.run(settings(PLATFORM, "eu-west-1"));

        assertThat(synthesis.stack()).isEqualTo("dev-eu-west-1");
        assertThat(synthesis.resources()).hasSize(49);
        assertThat(synthesis.resources().subList(0, 3))
                .extracting(SynthResource::name)
                .containsExactly("fanout", "processor", "observability");
        assertThat(synthesis.resources().subList(0, 3))
                .allSatisfy(c -> assertThat(c.parent()).isEmpty());
        assertThat(synthesis.resources().subList(3, synthesis.resources().size()))
                .allSatisfy(r -> assertThat(r.parent()).isPresent());
        SynthResource queue = find(synthesis, "aws:sqs/queue:Queue", "shop-dev-crm-sync");
        assertThat(queue.parent()).contains("fanout");
        assertThat(queue.provider()).isEmpty();
        List<String> keys = new java.util.ArrayList<>();
        queue.inputs().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isSorted().contains("redrivePolicy", "sqsManagedSseEnabled");
        assertThat(queue.inputs().get("visibilityTimeoutSeconds").asInt()).isEqualTo(30);
        SynthResource function = find(synthesis, "aws:lambda/function:Function", "shop-dev-processor");
        assertThat(function.inputs().get("code").get("archive").asText())
                .isEqualTo("path:regional-processor/target/distributary-processor.jar");
    }

    @Test
    void primaryStack_multiWriter_showsTheOtherRegionsProviders() {
        Synthesis synthesis = Synthesizer.run(settings(PLATFORM, "us-east-1"));

        SynthResource euCustomers = find(synthesis, "aws:dynamodb/table:Table", "eu-customers");
        assertThat(euCustomers.parent()).contains("global-tables");
        assertThat(euCustomers.provider()).contains("aws-eu-west-1");
        assertThat(find(synthesis, "aws:dynamodb/tableReplica:TableReplica", "orders-ap-southeast-2")
                        .inputs()
                        .get("globalTableArn")
                        .asText())
                .isEqualTo("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
        assertThat(synthesis.countsByType())
                .containsEntry("pulumi:providers:aws", 2)
                .containsEntry("aws:dynamodb/table:Table", 4);
    }

    @Test
    void secretInput_anyProgram_isRedacted() {
        Synthesis synthesis = Synthesizer.run(
                "eu-west-1",
                "test",
                ctx -> new Queue(
                        "q",
                        QueueArgs.builder()
                                .name(Output.ofSecret("hidden-name"))
                                .delaySeconds(5)
                                .build()));

        SynthResource queue = synthesis.resources().get(0);
        assertThat(queue.inputs().get("name").asText()).isEqualTo(Synthesizer.SECRET);
        assertThat(queue.inputs().get("delaySeconds").asInt()).isEqualTo(5);
        assertThat(queue.inputs().toString()).doesNotContain("hidden-name");
    }

    @Test
    void dataSourceSynthCannotAnswer_anyProgram_isRefusedByName() {
        assertThatThrownBy(() ->
                        Synthesizer.run("eu-west-1", "test", ctx -> ctx.export("region", AwsFunctions.getRegion())))
                .hasMessageContaining("synth has no offline answer for the data source aws:index/getRegion:getRegion");
    }

    @Test
    void twoQueuesOfOneName_anyProgram_refusedNamingTheNameAndRegion() {
        assertThatThrownBy(() -> Synthesizer.run("eu-west-1", "test", ctx -> {
                    new Queue(
                            "first",
                            QueueArgs.builder().name("shop-dev-billing-dlq").build());
                    new Queue(
                            "second",
                            QueueArgs.builder().name("shop-dev-billing-dlq").build());
                }))
                .isInstanceOf(SynthException.class)
                .hasMessageStartingWith(
                        "two aws:sqs/queue:Queue resources are named 'shop-dev-billing-dlq' in eu-west-1 ('first' and 'second')");
    }

    @Test
    void consumerNamedLikeAnotherConsumersDeadLetterQueue_platformBuiltPastValidate_synthRefusesIt() {
        StackSettings shipped = settings(PLATFORM, "eu-west-1");
        Topology topology = shipped.topology();
        ConsumerSpec billing = topology.fanout().consumer("billing").orElseThrow();
        List<ConsumerSpec> consumers =
                new java.util.ArrayList<>(topology.fanout().consumers());
        consumers.add(new ConsumerSpec(
                "billing-dlq",
                billing.regions(),
                billing.tables(),
                billing.eventNames(),
                billing.origin(),
                billing.filters(),
                billing.maxReceiveCount(),
                billing.visibilityTimeoutSeconds()));
        Topology colliding = new Topology(
                topology.name(),
                topology.regions(),
                topology.routing(),
                topology.residency(),
                topology.tables(),
                topology.processor(),
                new FanoutSpec(topology.fanout().type(), consumers));
        StackSettings settings = new StackSettings(
                "eu-west-1",
                "platform.yaml",
                colliding,
                shipped.platformYaml(),
                "dev",
                shipped.processorJar(),
                Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> Synthesizer.run(settings))
                .hasMessageContaining("named 'shop-dev-billing-dlq' in eu-west-1");
    }

    @Test
    void platformWhoseProcessorEnvironmentExceedsFourKilobytes_synthFailsNamingTheLimitTheSizeAndTheRemedy(
            @TempDir Path directory) throws Exception {
        java.util.Random random = new java.util.Random(7);
        StringBuilder yaml = new StringBuilder("name: big\nregions: [eu-west-1]\ntables:\n");
        for (int i = 0; i < 120; i++) {
            yaml.append("  - name: ")
                    .append(randomName(random, 40))
                    .append("\n    partitionKey: {name: ")
                    .append(randomName(random, 20))
                    .append(", type: S}\n");
        }
        Path platform = java.nio.file.Files.writeString(directory.resolve("big.yaml"), yaml);

        assertThatThrownBy(() -> Synthesizer.run(settings(platform, "eu-west-1")))
                .isInstanceOf(LambdaRules.LambdaRuleException.class)
                .hasMessageMatching(
                        "the environment of function big-dev-processor in eu-west-1 is \\d{4,} bytes; Lambda allows 4096 bytes for"
                                + " all its variables together \\(names and values\\), so CreateFunction would fail\\. The largest is"
                                + " DISTRIBUTARY_PLATFORM \\(\\d+ bytes\\): make the platform smaller .*");
    }

    private static String randomName(java.util.Random random, int length) {
        StringBuilder name = new StringBuilder("t");
        for (int i = 1; i < length; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }

    private static SynthResource find(Synthesis synthesis, String type, String name) {
        return synthesis.resources().stream()
                .filter(r -> r.type().equals(type) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " " + name));
    }
}
