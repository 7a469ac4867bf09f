package dev.distributary.local.demo;

import java.time.Duration;

/**
 * The demo's workload and checks.
 *
 * @param events       writes to make in all (across every writing region)
 * @param ratePerSecond total writes per second
 * @param drainTimeout how long to wait, after the last write, for every expected delivery
 * @param seed          seeds the workload's choices
 */
public record DemoOptions(int events, double ratePerSecond, Duration drainTimeout, long seed) {
    public static final int DEFAULT_EVENTS = 300;
    public static final double DEFAULT_RATE = 20;

    public DemoOptions {
        if (events < 10) {
            throw new IllegalArgumentException("the demo needs at least 10 events, not " + events);
        }
        if (ratePerSecond <= 0 || ratePerSecond > 500) {
            throw new IllegalArgumentException(
                    "the rate must be above 0 and at most 500 writes a second, not " + ratePerSecond);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_EVENTS, DEFAULT_RATE, Duration.ofSeconds(60), 7);
    }
}
