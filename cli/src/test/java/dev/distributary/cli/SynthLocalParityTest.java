package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.infra.StackSettings;
import dev.distributary.infra.synth.Synthesis;
import dev.distributary.infra.synth.Synthesizer;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One source of truth: for each platform, what synth declares in every region's stack equals what
 * {@code local up} creates there, read back from the emulator (queue and topic names and
 * attributes, subscriptions with their filter policies, tables with their keys, streams and TTL)
 * and configured in the local runtime (event source mapping settings and filter criteria, the
 * function's size and environment, and its role policy, which the local run enforces). For the
 * shipped platform, both examples, and platforms jqwik draws ({@link GeneratedPlatforms}).
 */
@MotoTest
@Tag("e2e")
@net.jqwik.api.Tag("e2e") // the jqwik engine reads its own tag annotation
class SynthLocalParityTest {
    private static final Path JAR = Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static MotoServer propertyMoto;

    @ParameterizedTest
    @ValueSource(strings = {"../platform.yaml", "../examples/primary-region.yaml", "../examples/fifo.yaml"})
    void shippedPlatformAndExamples_everyRegion_whatSynthDeclaresIsWhatLocalUpCreates(String file, MotoServer moto)
            throws IOException {
        assertParity(file, Files.readString(Path.of(file)), moto);
    }

    @BeforeContainer
    static void startMoto() {
        propertyMoto = MotoServer.startOrConnect();
    }

    @AfterContainer
    static void stopMoto() {
        propertyMoto.close();
    }

    @Property(tries = 6, seed = "15", shrinking = ShrinkingMode.OFF)
    void generatedPlatform_everyRegion_whatSynthDeclaresIsWhatLocalUpCreates(@ForAll("platforms") String yaml) {
        try {
            assertParity("generated-" + RUNS.incrementAndGet() + ".yaml", yaml, propertyMoto);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> platforms() {
        return GeneratedPlatforms.platforms();
    }

    private static void assertParity(String file, String yaml, MotoServer moto) throws IOException {
        moto.reset();
        Topology topology = TopologyLoader.parse(yaml, file);
        List<Synthesis> stacks = topology.regions().stream()
                .map(region -> Synthesizer.run(new StackSettings(
                        region,
                        file,
                        topology,
                        yaml,
                        ResourceNames.DEFAULT_ENVIRONMENT,
                        StackSettings.DEFAULT_PROCESSOR_JAR,
                        Optional.empty(),
                        Optional.empty())))
                .toList();
        Path work = Files.createDirectories(
                Path.of("target", "parity", Path.of(file).getFileName().toString()));
        LocalOptions options = LocalOptions.defaults(topology, yaml, JAR, work).withEndpoint(moto.endpoint());

        try (LocalPlatform local = LocalPlatform.start(options, line -> {})) {
            for (String region : topology.regions()) {
                DeployedRegion declared = DeployedRegion.fromSynth(region, stacks);
                DeployedRegion created = DeployedRegion.fromLocal(region, local);

                assertThat(created).as("%s in %s:%n%s", file, region, yaml).isEqualTo(declared);
                assertThat(declared.topics()).as("the topic in %s", region).hasSize(1);
            }
        }
    }
}
