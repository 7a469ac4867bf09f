package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.exceptions.RunException;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** App::stack reads the stack configuration that `pulumi config set` writes. */
class StackConfigTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private static TestResult run(RecordingCloud cloud, Map<String, String> config) {
        // The public test API has no configuration; the internal builder sets it as the engine would.
        return PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .projectName("distributary")
                        .stackName("prod-eu-west-1")
                        .build())
                .mocks(cloud)
                .config(config)
                .build()
                .runTest(App::stack);
    }

    /** The program's exception (the mock runner also reports it wrapped in a CompletionException). */
    static Throwable failure(TestResult result) {
        assertThat(result.exceptions()).isNotEmpty();
        Throwable failure = result.exceptions().get(0);
        while (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    @Test
    void appStack_configuredRegionPlatformAndEnvironment_declaresThatRegionsStack() {
        RecordingCloud cloud = new RecordingCloud("eu-west-1");

        TestResult result = run(
                cloud,
                Map.of(
                        "aws:region",
                        "eu-west-1",
                        "distributary:platformFile",
                        "../platform.yaml",
                        "distributary:environment",
                        "prod",
                        "distributary:processorJar",
                        "target/placeholder.jar"));

        assertThat(result.exceptions()).isEmpty();
        assertThat(cloud.resources)
                .extracting(r -> r.name)
                .contains(
                        "shop-prod-events",
                        "shop-prod-crm-sync",
                        "shop-prod-processor",
                        "shop-prod-processor-eu-customers");
        assertThat(cloud.resources)
                .filteredOn(r -> r.type.equals("aws:lambda/function:Function"))
                .singleElement()
                .satisfies(f -> assertThat(f.inputs.get("code").toString()).contains("FileArchive"));
    }

    @Test
    void appStack_processorHttpClientSet_putsItInTheFunctionsEnvironment() {
        RecordingCloud cloud = new RecordingCloud("eu-west-1");

        TestResult result = run(
                cloud,
                Map.of(
                        "aws:region",
                        "eu-west-1",
                        "distributary:platformFile",
                        "../platform.yaml",
                        "distributary:processorJar",
                        "target/placeholder-crt.jar",
                        "distributary:processorHttpClient",
                        "crt"));

        assertThat(result.exceptions()).isEmpty();
        assertThat(cloud.resources)
                .filteredOn(r -> r.type.equals("aws:lambda/function:Function"))
                .singleElement()
                .satisfies(f -> assertThat(Stack.input(f, "environment", "variables"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                        .containsEntry(dev.distributary.topology.ProcessorEnvironment.HTTP_CLIENT, "crt"));
    }

    @Test
    void appStack_unknownProcessorHttpClient_endsNamingTheAllowedValues() {
        TestResult result = run(
                new RecordingCloud("eu-west-1"),
                Map.of(
                        "aws:region",
                        "eu-west-1",
                        "distributary:platformFile",
                        "../platform.yaml",
                        "distributary:processorHttpClient",
                        "netty"));

        assertThat(failure(result))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("distributary:processorHttpClient is 'netty'; allowed: url-connection, crt");
    }

    @Test
    void appStack_withoutRegion_endsWithTheCommandThatSetsIt() {
        TestResult result =
                run(new RecordingCloud("eu-west-1"), Map.of("distributary:platformFile", "../platform.yaml"));

        assertThat(failure(result))
                .isInstanceOf(RunException.class)
                .hasMessage("the stack has no region; set it with: pulumi config set aws:region REGION");
    }

    @Test
    void appStack_regionOutsideThePlatform_endsNamingThePlatformsRegions() {
        TestResult result = run(
                new RecordingCloud("us-west-2"),
                Map.of("aws:region", "us-west-2", "distributary:platformFile", "../platform.yaml"));

        assertThat(failure(result))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith(
                        "region 'us-west-2' is not one of platform 'shop''s regions [us-east-1, eu-west-1, ap-southeast-2]");
    }

    @Test
    void appStack_platformBreakingResidency_endsNamingTableClassAndRegionBeforeDeclaringAnything()
            throws java.io.IOException {
        java.nio.file.Path platform = java.nio.file.Files.createTempFile("residency", ".yaml");
        String shipped = java.nio.file.Files.readString(Stack.PLATFORM);
        String euZone = "    zone: eu                  # replicas only in the EU\n";
        assertThat(shipped).contains(euZone);
        java.nio.file.Files.writeString(platform, shipped.replace(euZone, "    zone: global\n"));
        RecordingCloud cloud = new RecordingCloud("us-east-1");

        TestResult result =
                run(cloud, Map.of("aws:region", "us-east-1", "distributary:platformFile", platform.toString()));

        assertThat(failure(result))
                .isInstanceOf(RunException.class)
                .hasMessageContaining(
                        "tables[1].dataClass: residency: table 'eu-customers' would replicate class 'eu-personal' to us-east-1");
        assertThat(cloud.resources).isEmpty();
        java.nio.file.Files.delete(platform);
    }

    @Test
    void appStack_missingPlatformFile_endsWithTheLoadersMessage() {
        TestResult result = run(
                new RecordingCloud("eu-west-1"),
                Map.of("aws:region", "eu-west-1", "distributary:platformFile", "nowhere.yaml"));

        assertThat(failure(result))
                .isInstanceOf(RunException.class)
                .hasMessageStartingWith("nowhere.yaml: file not found");
    }
}
