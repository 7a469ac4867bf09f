package dev.distributary.benchmarks;

/** What every measured report (a main that runs the local platform) sets before anything logs. */
public final class ReportSetup {
    private ReportSetup() {
    }

    /**
     * The processor's X-Ray instrumentation is on the class path but there is no segment outside
     * Lambda; and the consumers' and platform's INFO lines would bury the report's own output.
     */
    public static void quiet() {
        System.setProperty("com.amazonaws.xray.strategy.contextMissingStrategy", "IGNORE_ERROR");
        System.setProperty("distributary.log.level", "WARN");
    }
}
