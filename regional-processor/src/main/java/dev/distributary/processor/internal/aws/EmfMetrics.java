package dev.distributary.processor.internal.aws;

import dev.distributary.processor.ProcessorMetrics;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * The processor's metrics as CloudWatch embedded-metric-format lines (namespace
 * {@code Distributary}, dimensions {@code Region} and {@code FunctionName}), one per invocation.
 */
public final class EmfMetrics implements ProcessorMetrics {
    public static final String NAMESPACE = "Distributary";

    private final String region;
    private final String functionName;
    private final Map<Metric, Long> counts = new EnumMap<>(Metric.class);
    private MetricsLogger logger;

    public EmfMetrics(String region, String functionName) {
        this.region = region;
        this.functionName = functionName;
        this.logger = newLogger();
    }

    /**
     * Builds the serializers of an embedded-metrics line (Jackson's, for the library's model) by
     * serializing a sample, written nowhere: the first flush would otherwise pay for it.
     */
    public static void warmUp() {
        try {
            MetricsContext sample = new MetricsContext();
            sample.setNamespace(NAMESPACE);
            sample.setDimensions(DimensionSet.of("Region", "warm-up", "FunctionName", "warm-up"));
            sample.putMetric(Metric.values()[0].name(), 1, Unit.COUNT);
            sample.serialize();
        } catch (Exception e) {
            // best effort: the first flush builds them
        }
    }

    @Override
    public synchronized void count(Metric metric, long value) {
        counts.merge(metric, value, Long::sum);
    }

    @Override
    public synchronized void lag(long millis) {
        try {
            logger.putMetric("EndToEndLagMs", (double) millis, Unit.MILLISECONDS);
        } catch (RuntimeException e) {
            // a metric is never worth failing a batch for
        }
    }

    @Override
    public synchronized void flush() {
        try {
            counts.forEach((metric, value) -> logger.putMetric(metric.name(), value, Unit.COUNT));
            logger.flush();
        } catch (RuntimeException e) {
            // as above
        } finally {
            counts.clear();
            logger = newLogger();
        }
    }

    private MetricsLogger newLogger() {
        MetricsLogger metrics = new MetricsLogger();
        try {
            metrics.setNamespace(NAMESPACE);
            metrics.setDimensions(DimensionSet.of("Region", region, "FunctionName", functionName));
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure embedded metrics: " + e.getMessage(), e);
        }
        return metrics;
    }
}
