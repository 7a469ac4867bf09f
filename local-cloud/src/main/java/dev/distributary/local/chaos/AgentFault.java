package dev.distributary.local.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault for the chaos agent (module {@code chaos-agent}) to inject inside each function's JVM:
 * halt, or stall for {@code sleep}, before the {@code atCall}-th call of {@code operation} in an
 * invocation, with {@code probability}. The environment variables written here are the agent's
 * contract ({@code ChaosSettings} there reads them); the agent's jar goes on the functions' class
 * path through {@link dev.distributary.local.Instrumentation}.
 */
public record AgentFault(Action action, String operation, int atCall, double probability, Duration sleep, long seed) {
    /** Where the build leaves the agent, relative to the repository root. */
    public static final String DEFAULT_JAR = "chaos-agent/target/distributary-chaos-agent.jar";

    public enum Action {
        HALT, SLEEP
    }

    public AgentFault {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(operation, "operation");
        if (atCall < 1) {
            throw new IllegalArgumentException("atCall must be 1 or more, not " + atCall);
        }
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1, not " + probability);
        }
        Objects.requireNonNull(sleep, "sleep");
    }

    /** Halts the JVM (exit 137) before the call. */
    public static AgentFault halt(String operation, int atCall, double probability, long seed) {
        return new AgentFault(Action.HALT, operation, atCall, probability, Duration.ZERO, seed);
    }

    /** Stalls the call for {@code sleep}, past the function's deadline, so the host kills the instance. */
    public static AgentFault stall(String operation, int atCall, double probability, Duration sleep, long seed) {
        return new AgentFault(Action.SLEEP, operation, atCall, probability, sleep, seed);
    }

    public Map<String, String> environment() {
        return Map.of("DISTRIBUTARY_CHAOS_ACTION", action.name().toLowerCase(Locale.ROOT),
                "DISTRIBUTARY_CHAOS_OPERATION", operation,
                "DISTRIBUTARY_CHAOS_AT_CALL", Integer.toString(atCall),
                "DISTRIBUTARY_CHAOS_PROBABILITY", Double.toString(probability),
                "DISTRIBUTARY_CHAOS_SLEEP_MILLIS", Long.toString(sleep.toMillis()),
                "DISTRIBUTARY_CHAOS_SEED", Long.toString(seed));
    }

    /** The agent's jar under the repository root, or a clear error naming how to build it. */
    public static Path jar(Path home) {
        Path jar = home.resolve(DEFAULT_JAR);
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new IllegalStateException("the chaos agent's jar " + jar + " is missing; build it with ./mvnw -pl chaos-agent package"
                    + " (./distributary builds it)");
        }
        return jar;
    }

    public String describe() {
        return (action == Action.HALT ? "halt" : "stall " + sleep.toSeconds() + " s") + " before " + operation + " #" + atCall
                + " of an invocation (p=" + probability + ")";
    }
}
