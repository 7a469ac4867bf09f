package dev.distributary.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The local run refuses to start a function Lambda would refuse to create. */
@MotoTest
class LambdaQuotaTest {

    @Test
    void platformWhoseProcessorEnvironmentExceedsFourKilobytes_localStartRefused_namingTheLimitAndTheSize(
            MotoServer moto) throws Exception {
        Random random = new Random(3);
        StringBuilder yaml = new StringBuilder("name: big\nregions: [eu-west-1]\ntables:\n");
        for (int i = 0; i < 30; i++) {
            yaml.append("  - name: ").append(name(random, 200)).append("\n    partitionKey: {name: pk, type: S}\n");
        }
        Path work = Files.createDirectories(Path.of("target", "lambda-quota-test"));
        LocalOptions options = LocalOptions.defaults(
                        TopologyLoader.parse(yaml.toString(), "big.yaml"),
                        yaml.toString(),
                        Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR),
                        work)
                .withEndpoint(moto.endpoint());

        assertThatThrownBy(() -> LocalPlatform.start(options, line -> {}))
                .isInstanceOf(LambdaRules.LambdaRuleException.class)
                .hasMessageStartingWith("the environment of function big-dev-processor in eu-west-1 is ")
                .hasMessageContaining(
                        " bytes; Lambda allows 4096 bytes for all its variables together (names and values), so CreateFunction"
                                + " would fail. The largest is DISTRIBUTARY_PLATFORM");
    }

    private static String name(Random random, int length) {
        StringBuilder name = new StringBuilder("t");
        for (int i = 1; i < length; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
