package dev.distributary.local.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a chaos run is sized and seeded.
 *
 * @param home              the repository root (where the chaos agent's jar is built)
 * @param events            writes per scenario; empty for each scenario's default
 * @param ratePerSecond     writes per second, all regions together
 * @param seed              seeds the workloads, the injected faults and the replication jitter
 * @param drainTimeout      the longest wait, after a scenario's last write, for the platform to finish
 * @param agentProbability  the chance that the chaos agent strikes an invocation it can strike; empty for each scenario's own
 * @param agentMaxFaults    at most this many agent faults per function; 0 for no limit
 */
public record ChaosOptions(
        Path home,
        Optional<Integer> events,
        double ratePerSecond,
        long seed,
        Duration drainTimeout,
        Optional<Double> agentProbability,
        int agentMaxFaults) {

    public static final double DEFAULT_RATE = 20;
    public static final Duration DEFAULT_DRAIN = Duration.ofMinutes(3);

    public ChaosOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(events, "events");
        events.ifPresent(n -> {
            if (n < 20) {
                throw new IllegalArgumentException("a chaos scenario needs at least 20 events, not " + n);
            }
        });
        if (ratePerSecond <= 0 || ratePerSecond > 500) {
            throw new IllegalArgumentException(
                    "the rate must be above 0 and at most 500 writes a second, not " + ratePerSecond);
        }
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(agentProbability, "agentProbability");
        agentProbability.ifPresent(p -> {
            if (p <= 0 || p > 1) {
                throw new IllegalArgumentException("the agent's probability must be above 0 and at most 1, not " + p);
            }
        });
        if (agentMaxFaults < 0) {
            throw new IllegalArgumentException(
                    "the agent's fault limit must be 0 (none) or more, not " + agentMaxFaults);
        }
    }

    /** Each scenario's default size, 20 writes a second, three minutes to drain. */
    public static ChaosOptions defaults(Path home, long seed) {
        return new ChaosOptions(home, Optional.empty(), DEFAULT_RATE, seed, DEFAULT_DRAIN, Optional.empty(), 0);
    }

    public ChaosOptions withEvents(int count) {
        return new ChaosOptions(
                home, Optional.of(count), ratePerSecond, seed, drainTimeout, agentProbability, agentMaxFaults);
    }

    public ChaosOptions withRate(double rate) {
        return new ChaosOptions(home, events, rate, seed, drainTimeout, agentProbability, agentMaxFaults);
    }

    /** The agent strikes with this probability, at most {@code maxFaults} times per function (0: no limit). */
    public ChaosOptions withAgent(double probability, int maxFaults) {
        return new ChaosOptions(home, events, ratePerSecond, seed, drainTimeout, Optional.of(probability), maxFaults);
    }

    public int eventsFor(Scenario scenario) {
        return events.orElse(scenario.defaultEvents());
    }
}
