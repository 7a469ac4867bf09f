package dev.distributary.benchmarks.latency;

import dev.distributary.local.demo.DemoReport;

/**
 * One write rate's result in {@code latency.json}: the demo's checks and percentiles, local and
 * replicated deliveries apart.
 */
public record RateResult(
        double writesPerSecond,
        long written,
        boolean passed,
        DemoReport.Latency local,
        DemoReport.Latency replicated,
        DemoReport.Trend trend) {}
