package dev.distributary.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The environment the local run writes is the one the chaos agent reads: the agent's own
 * {@code ChaosSettings}, loaded from its built jar (it is kept off this class path), parses it back.
 */
class AgentFaultTest {
    private static final Path JAR = Path.of("..", AgentFault.DEFAULT_JAR);

    private static Object read(Map<String, String> environment) throws Exception {
        try (URLClassLoader agent =
                new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> settings = agent.loadClass("dev.distributary.chaos.agent.ChaosSettings");
            Optional<?> parsed = (Optional<?>)
                    settings.getMethod("fromEnvironment", Map.class).invoke(null, environment);
            return parsed.orElseThrow();
        }
    }

    private static Object field(Object record, String name) throws Exception {
        Method accessor = record.getClass().getMethod(name);
        return accessor.invoke(record);
    }

    @Test
    void limitedStall_isReadBackByTheAgentAsWritten() throws Exception {
        Path budget = Path.of("target", "budget").toAbsolutePath();
        AgentFault fault = AgentFault.stall("PublishBatch", 2, 0.4, Duration.ofSeconds(13), 42)
                .limitedTo(3, budget);

        Object settings = read(fault.environment());

        assertThat(field(settings, "action")).hasToString("SLEEP");
        assertThat(field(settings, "operation")).isEqualTo("PublishBatch");
        assertThat(field(settings, "atCall")).isEqualTo(2);
        assertThat(field(settings, "probability")).isEqualTo(0.4);
        assertThat(field(settings, "sleepMillis")).isEqualTo(13_000L);
        assertThat(field(settings, "seed")).isEqualTo(42L);
        assertThat(field(settings, "maxFaults")).isEqualTo(3);
        assertThat(field(settings, "budgetDirectory")).isEqualTo(Optional.of(budget));
    }

    @Test
    void unlimitedHalt_isReadBackByTheAgentAsWritten() throws Exception {
        Object settings = read(AgentFault.halt("PublishBatch", 2, 0.5, 7).environment());

        assertThat(field(settings, "action")).hasToString("HALT");
        assertThat(field(settings, "maxFaults")).isEqualTo(0);
        assertThat(field(settings, "budgetDirectory")).isEqualTo(Optional.empty());
    }
}
