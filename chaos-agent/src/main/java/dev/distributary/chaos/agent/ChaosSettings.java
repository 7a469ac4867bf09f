package dev.distributary.chaos.agent;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the chaos agent does, read from the function's environment. Without
 * {@value #ACTION_VARIABLE} the agent does nothing.
 *
 * @param action      {@code halt}: the JVM halts (exit code 137, as a killed process), {@code sleep}: the
 *                    call stalls for {@code sleepMillis} (past the function's deadline, so the host kills it)
 * @param operation   the SDK operation the fault comes before (default PublishBatch)
 * @param atCall      the fault comes before this call of the operation within one invocation (1 = the first)
 * @param probability the chance, per invocation that reaches that call, that the fault happens
 * @param sleepMillis how long {@code sleep} stalls
 * @param seed        seeds the choice (mixed with the instance's log stream, so that each instance decides anew)
 * @param maxFaults   at most this many faults per function, all its instances together; 0 for no limit
 * @param budgetDirectory where the functions' fault counts are kept (needed with a limit)
 */
public record ChaosSettings(
        Action action,
        String operation,
        int atCall,
        double probability,
        long sleepMillis,
        long seed,
        int maxFaults,
        Optional<Path> budgetDirectory) {
    public static final String ACTION_VARIABLE = "DISTRIBUTARY_CHAOS_ACTION";
    public static final String OPERATION_VARIABLE = "DISTRIBUTARY_CHAOS_OPERATION";
    public static final String AT_CALL_VARIABLE = "DISTRIBUTARY_CHAOS_AT_CALL";
    public static final String PROBABILITY_VARIABLE = "DISTRIBUTARY_CHAOS_PROBABILITY";
    public static final String SLEEP_VARIABLE = "DISTRIBUTARY_CHAOS_SLEEP_MILLIS";
    public static final String SEED_VARIABLE = "DISTRIBUTARY_CHAOS_SEED";
    public static final String MAX_FAULTS_VARIABLE = "DISTRIBUTARY_CHAOS_MAX_FAULTS";
    public static final String BUDGET_DIRECTORY_VARIABLE = "DISTRIBUTARY_CHAOS_BUDGET_DIR";

    /** The fault. */
    public enum Action {
        HALT,
        SLEEP
    }

    public ChaosSettings {
        if (action == null) {
            throw new IllegalArgumentException(ACTION_VARIABLE + " must be halt or sleep");
        }
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException(
                    OPERATION_VARIABLE + " must name an SDK operation, such as PublishBatch");
        }
        if (atCall < 1) {
            throw new IllegalArgumentException(AT_CALL_VARIABLE + " must be 1 or more, not " + atCall);
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException(PROBABILITY_VARIABLE + " must be between 0 and 1, not " + probability);
        }
        if (sleepMillis < 0) {
            throw new IllegalArgumentException(SLEEP_VARIABLE + " must not be negative, not " + sleepMillis);
        }
        if (maxFaults < 0) {
            throw new IllegalArgumentException(MAX_FAULTS_VARIABLE + " must be 0 (no limit) or more, not " + maxFaults);
        }
        if (maxFaults > 0 && (budgetDirectory == null || budgetDirectory.isEmpty())) {
            throw new IllegalArgumentException(MAX_FAULTS_VARIABLE + " needs " + BUDGET_DIRECTORY_VARIABLE
                    + ", a directory where the function's instances count their faults");
        }
    }

    /** No limit on the faults. */
    public ChaosSettings(Action action, String operation, int atCall, double probability, long sleepMillis, long seed) {
        this(action, operation, atCall, probability, sleepMillis, seed, 0, Optional.empty());
    }

    /** The settings in the environment, or empty when {@value #ACTION_VARIABLE} is not set. */
    public static Optional<ChaosSettings> fromEnvironment(Map<String, String> env) {
        String action = env.get(ACTION_VARIABLE);
        if (action == null || action.isBlank()) {
            return Optional.empty();
        }
        Action parsed;
        try {
            parsed = Action.valueOf(action.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ACTION_VARIABLE + " must be halt or sleep, not '" + action + "'");
        }
        return Optional.of(new ChaosSettings(
                parsed,
                env.getOrDefault(OPERATION_VARIABLE, "PublishBatch"),
                (int) number(env, AT_CALL_VARIABLE, 2),
                decimal(env, PROBABILITY_VARIABLE, 1.0),
                number(env, SLEEP_VARIABLE, 0),
                number(env, SEED_VARIABLE, 1),
                (int) number(env, MAX_FAULTS_VARIABLE, 0),
                Optional.ofNullable(env.get(BUDGET_DIRECTORY_VARIABLE))
                        .filter(d -> !d.isBlank())
                        .map(Path::of)));
    }

    /** The variables that configure these settings, for the host that starts the function. */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                ACTION_VARIABLE,
                action.name().toLowerCase(Locale.ROOT),
                OPERATION_VARIABLE,
                operation,
                AT_CALL_VARIABLE,
                Integer.toString(atCall),
                PROBABILITY_VARIABLE,
                Double.toString(probability),
                SLEEP_VARIABLE,
                Long.toString(sleepMillis),
                SEED_VARIABLE,
                Long.toString(seed),
                MAX_FAULTS_VARIABLE,
                Integer.toString(maxFaults)));
        budgetDirectory.ifPresent(dir -> env.put(BUDGET_DIRECTORY_VARIABLE, dir.toString()));
        return env;
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static double decimal(Map<String, String> env, String name, double fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1, not '" + value + "'");
        }
    }
}
