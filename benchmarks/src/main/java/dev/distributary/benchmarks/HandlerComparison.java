package dev.distributary.benchmarks;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link HandlerBenchmark} (Distributary and the naive design, 1 KB and 40 KB items) in one
 * JMH run and prints records per second of each and the ratio Distributary/naive per item size.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.HandlerComparison [JMH options]}.
 */
public final class HandlerComparison {
    private HandlerComparison() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(HandlerBenchmark.class.getName() + "\\.").build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, double[]> bySize = new TreeMap<>();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark().substring(HandlerBenchmark.class.getName().length() + 1);
            double[] pair = bySize.computeIfAbsent(result.getParams().getParam("itemSize"), size -> new double[2]);
            pair["distributary".equals(method) ? 0 : 1] = result.getPrimaryResult().getScore();
        }
        System.out.printf("%n%-6s  %22s  %16s  %18s%n", "items", "Distributary records/s", "naive records/s", "Distributary/naive");
        bySize.forEach((size, pair) -> System.out.printf("%-6s  %22.0f  %16.0f  %18.2f%n", size, pair[0], pair[1], pair[1] == 0 ? Double.NaN : pair[0] / pair[1]));
    }
}
