package dev.distributary.benchmarks;

import dev.distributary.local.LocalOptions;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every measured report (a main that runs the local platform) sets up before it starts. */
public final class ReportSetup {
    /** How to build what the reports run; they run from the repository root. */
    public static final String BUILD = "./mvnw -q -pl benchmarks -am package -DskipTests";

    private ReportSetup() {}

    /**
     * The processor's X-Ray instrumentation is on the class path but there is no segment outside
     * Lambda; and the consumers' and platform's INFO lines would bury the report's own output.
     */
    public static void quiet() {
        System.setProperty("com.amazonaws.xray.strategy.contextMissingStrategy", "IGNORE_ERROR");
        System.setProperty("distributary.log.level", "WARN");
    }

    /**
     * The shipped platform ({@code platform.yaml} in the working directory) on the local run, with
     * {@code processorJar} and a fresh work directory; when the platform file or a jar is missing,
     * says what to do and exits with code 2.
     */
    public static LocalOptions shippedPlatform(String workPrefix, Path processorJar, Path... otherJars)
            throws IOException {
        Path platformFile = Path.of("platform.yaml");
        if (!Files.isRegularFile(platformFile)) {
            exit("platform.yaml not found: run from the repository root");
        }
        requireJar(processorJar, BUILD);
        for (Path jar : otherJars) {
            requireJar(jar, BUILD);
        }
        return LocalOptions.defaults(
                TopologyLoader.load(platformFile),
                Files.readString(platformFile),
                processorJar,
                Files.createTempDirectory(workPrefix));
    }

    /** Exits with code 2, naming the missing jar and the command that builds it. */
    public static void requireJar(Path jar, String build) {
        if (!Files.isRegularFile(jar)) {
            exit(jar + " is missing; build it first: " + build);
        }
    }

    private static void exit(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }
}
