package dev.distributary.local.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fault for the chaos agent (module {@code chaos-agent}) to inject inside each function's JVM:
 * halt, or stall for {@code sleep}, before the {@code atCall}-th call of {@code operation} in an
 * invocation, with {@code probability}. The environment variables written here are the agent's
 * contract ({@code ChaosSettings} there reads them); the agent's jar goes on the functions' class
 * path through {@link dev.distributary.local.Instrumentation}.
 */
public record AgentFault(
        Action action,
        String operation,
        int atCall,
        double probability,
        Duration sleep,
        long seed,
        int maxFaults,
        Optional<Path> budgetDirectory) {
    /** Where the build leaves the agent, relative to the repository root. */
    public static final String DEFAULT_JAR = "chaos-agent/target/distributary-chaos-agent.jar";

    public enum Action {
        HALT,
        SLEEP
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
        Objects.requireNonNull(budgetDirectory, "budgetDirectory");
        if (maxFaults < 0 || (maxFaults > 0 && budgetDirectory.isEmpty())) {
            throw new IllegalArgumentException("a limit on the faults needs a directory to count them in");
        }
    }

    /** Halts the JVM (exit 137) before the call. */
    public static AgentFault halt(String operation, int atCall, double probability, long seed) {
        return new AgentFault(Action.HALT, operation, atCall, probability, Duration.ZERO, seed, 0, Optional.empty());
    }

    /** Stalls the call for {@code sleep}, past the function's deadline, so the host kills the instance. */
    public static AgentFault stall(String operation, int atCall, double probability, Duration sleep, long seed) {
        return new AgentFault(Action.SLEEP, operation, atCall, probability, sleep, seed, 0, Optional.empty());
    }

    /** The same fault, at most {@code max} times per function (all its instances together, counted in {@code directory}); 0 for no limit. */
    public AgentFault limitedTo(int max, Path directory) {
        return new AgentFault(
                action,
                operation,
                atCall,
                probability,
                sleep,
                seed,
                max,
                max == 0 ? Optional.empty() : Optional.of(directory));
    }

    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(Map.of(
                "DISTRIBUTARY_CHAOS_ACTION",
                action.name().toLowerCase(Locale.ROOT),
                "DISTRIBUTARY_CHAOS_OPERATION",
                operation,
                "DISTRIBUTARY_CHAOS_AT_CALL",
                Integer.toString(atCall),
                "DISTRIBUTARY_CHAOS_PROBABILITY",
                Double.toString(probability),
                "DISTRIBUTARY_CHAOS_SLEEP_MILLIS",
                Long.toString(sleep.toMillis()),
                "DISTRIBUTARY_CHAOS_SEED",
                Long.toString(seed),
                "DISTRIBUTARY_CHAOS_MAX_FAULTS",
                Integer.toString(maxFaults)));
        budgetDirectory.ifPresent(dir ->
                env.put("DISTRIBUTARY_CHAOS_BUDGET_DIR", dir.toAbsolutePath().toString()));
        return env;
    }

    /** The agent's jar under the repository root, or a clear error naming how to build it. */
    public static Path jar(Path home) {
        Path jar = home.resolve(DEFAULT_JAR);
        if (!java.nio.file.Files.isRegularFile(jar)) {
            throw new IllegalStateException("the chaos agent's jar " + jar
                    + " is missing; build it with ./mvnw -pl chaos-agent package" + " (./distributary builds it)");
        }
        return jar;
    }

    public String describe() {
        return (action == Action.HALT ? "halt" : "stall " + sleep.toSeconds() + " s") + " before " + operation + " #"
                + atCall + " of an invocation (p=" + probability
                + (maxFaults > 0 ? ", at most " + maxFaults + " per function" : "") + ")";
    }
}
