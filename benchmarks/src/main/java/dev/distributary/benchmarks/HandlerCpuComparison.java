package dev.distributary.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * The whole-handler comparison of {@link HandlerComparison} measured in CPU time rather than
 * throughput, for a machine that other work shares: both designs run in one JVM, in alternating
 * turns of equal work, and each turn is charged the process's CPU time (its own thread, garbage
 * collection and the JIT), which time spent waiting for the core does not inflate. Prints CPU
 * microseconds per record of each design and naive/Distributary, over all turns and the spread
 * of the per-round ratios.
 *
 * <p>Run with the benchmark's JVM settings:
 * {@code taskset -c 0 java -XX:ActiveProcessorCount=1 -Ddistributary.log.level=WARN -cp benchmarks/target/benchmarks.jar
 * dev.distributary.benchmarks.HandlerCpuComparison [rounds] [item sizes...]} (default 30 rounds, 1KB and 40KB).
 */
public final class HandlerCpuComparison {
    private static final long WARM_UP_NANOS = 20_000_000_000L;
    /** A turn is about a second of work at either size. */
    private static final int INVOCATIONS_1KB = 300;

    private static final int INVOCATIONS_40KB = 3;

    /** Where each run's result goes, so that no run can be optimised away. */
    @SuppressWarnings("unused")
    private static volatile Object result;

    private HandlerCpuComparison() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String> sizes = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("1KB", "40KB");
        System.out.printf(
                "%-6s  %-10s  %6s  %24s  %17s  %18s  %s%n",
                "items",
                "ledger",
                "rounds",
                "Distributary CPU µs/rec",
                "naive CPU µs/rec",
                "naive/Distributary",
                "per round min / median / max");
        for (String size : sizes) {
            compare(size, rounds);
        }
    }

    private static void compare(String size, int rounds) {
        HandlerBenchmark handlers = new HandlerBenchmark();
        handlers.itemSize = size;
        handlers.setUp();
        HandlerBenchmark.Processor processor = new HandlerBenchmark.Processor();
        processor.ledger = "checkpoint";
        processor.setUp(handlers);
        int invocations = "1KB".equals(size) ? INVOCATIONS_1KB : INVOCATIONS_40KB;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            handlers.distributary(processor);
            handlers.naive();
        }
        long distributary = 0;
        long naive = 0;
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long d;
            long n;
            if (round % 2 == 0) {
                n = turn(handlers::naive, invocations);
                d = turn(() -> handlers.distributary(processor), invocations);
            } else {
                d = turn(() -> handlers.distributary(processor), invocations);
                n = turn(handlers::naive, invocations);
            }
            distributary += d;
            naive += n;
            ratios.add((double) n / d);
        }
        Collections.sort(ratios);
        double records = (double) rounds * invocations * StreamEvents.BATCH;
        System.out.printf(
                "%-6s  %-10s  %6d  %24.2f  %17.2f  %18.3f  %.3f / %.3f / %.3f%n",
                size,
                "checkpoint",
                rounds,
                distributary / records / 1_000,
                naive / records / 1_000,
                (double) naive / distributary,
                ratios.get(0),
                ratios.get(ratios.size() / 2),
                ratios.get(ratios.size() - 1));
    }

    /** The process CPU time, in nanoseconds, of {@code invocations} runs of the handler. */
    private static long turn(Supplier<?> handler, int invocations) {
        long start = cpuNanos();
        for (int i = 0; i < invocations; i++) {
            result = handler.get();
        }
        return cpuNanos() - start;
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
