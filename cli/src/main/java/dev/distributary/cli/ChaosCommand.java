package dev.distributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.chaos.AgentFault;
import dev.distributary.local.chaos.ChaosOptions;
import dev.distributary.local.chaos.ChaosReport;
import dev.distributary.local.chaos.ChaosRunner;
import dev.distributary.local.chaos.Scenario;
import dev.distributary.local.chaos.Scenarios;
import dev.distributary.moto.MotoUnavailableException;
import dev.distributary.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "chaos",
        header = "Run fault scenarios locally; check what each lost or leaked.",
        description = {
            "Prove the platform under faults on this machine. Each scenario runs the whole platform (moto server, replication, "
                    + "each region's processor as Lambda runs it), injects its fault, writes a workload, and checks every delivery and "
                    + "quarantine against ground truth. Prints a table (scenario, events, lost, duplicated, leaked, quarantined, iam-denied, passed) "
                    + "and exits 1 when any scenario failed.",
            "",
            "All scenarios at their default sizes take about 15 minutes; residency alone writes 5,000 changes, about 5 minutes at "
                    + "20 writes a second (what the emulator sustains with every region's processor running).",
            "",
            "JSON: the report (ChaosReport: passed, seed, and per scenario its counts and checks) on standard output; progress goes to standard error."
        })
final class ChaosCommand implements Callable<Integer> {
    /** Start-up, warm-up and drain of one scenario's platform, roughly, on a two-core machine. */
    private static final int OVERHEAD_SECONDS = 25;

    @Mixin
    PlatformFile platform;

    @Mixin
    LocalRun local;

    @Option(
            names = "--scenario",
            paramLabel = "NAME",
            completionCandidates = ScenarioNames.class,
            description = "Run only this scenario (repeatable; default: all): ${COMPLETION-CANDIDATES}.")
    List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--events",
            paramLabel = "N",
            description = "Writes per scenario (at least 20), instead of each scenario's default.")
    Integer events;

    @Option(
            names = "--rate",
            defaultValue = "20",
            description = "Writes per second, all regions together (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path report;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** The scenario names, for the help and for completion. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Scenarios.names().iterator();
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out =
                format.json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        List<Scenario> selected;
        ChaosOptions options;
        try {
            selected = ChaosRunner.select(scenarios);
            options = new ChaosOptions(
                    LocalRun.home(),
                    Optional.ofNullable(events),
                    rate,
                    local.seed,
                    ChaosOptions.DEFAULT_DRAIN,
                    Optional.empty(),
                    0);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (selected.stream().anyMatch(Scenario::usesAgent)
                && !Files.isRegularFile(LocalRun.home().resolve(AgentFault.DEFAULT_JAR))) {
            throw new UserException("the chaos agent's jar " + LocalRun.home().resolve(AgentFault.DEFAULT_JAR)
                    + " is missing; run ./distributary from "
                    + "the repository root (it builds the jar), or build it with ./mvnw -pl chaos-agent package");
        }
        Topology topology = platform.load();
        ChaosReport result;
        try (WorkDirectory work = local.workDirectory()) {
            LocalOptions base = local.options(platform, topology, work.path());
            out.println("logs: " + work.describe("SCENARIO/logs"));
            long seconds = selected.stream()
                    .mapToLong(s -> Math.round(options.eventsFor(s) / rate) + OVERHEAD_SECONDS)
                    .sum();
            out.printf(
                    "Distributary chaos: platform '%s', %s, %d scenario(s), expected to take about %d min%n",
                    topology.name(), topology.regions(), selected.size(), Math.max(1, Math.round(seconds / 60.0)));
            out.flush();
            ChaosRunner runner = new ChaosRunner(base, options, line -> {
                out.println(line);
                out.flush();
            });
            Thread stop = new Thread(
                    () -> {
                        runner.close();
                        work.close();
                    },
                    "distributary-chaos-shutdown");
            Runtime.getRuntime().addShutdownHook(stop);
            try {
                result = runner.run(selected);
            } catch (MotoUnavailableException e) {
                throw new UserException(e.getMessage(), Distributary.BAD_INPUT);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is stopping the run
                }
            }
        }
        if (format.json()) {
            OutputFormat.document(spec.commandLine().getOut(), result);
        } else {
            print(result, out);
        }
        if (report != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), result);
            out.println("report: " + report);
        }
        return result.passed() ? Distributary.OK : Distributary.CHECK_FAILED;
    }

    private static void print(ChaosReport report, PrintWriter out) {
        out.printf(
                "%n%-21s %7s %6s %10s %6s %11s %10s  %s%n",
                "scenario", "events", "lost", "duplicated", "leaked", "quarantined", "iam-denied", "passed");
        for (ChaosReport.Row row : report.scenarios()) {
            out.printf(
                    "%-21s %,7d %,6d %,10d %,6d %,11d %,10d  %s%n",
                    row.name(),
                    row.events(),
                    row.lost(),
                    row.duplicated(),
                    row.leaked(),
                    row.quarantined(),
                    row.iamDenied(),
                    row.passed() ? "yes" : "NO");
        }
        out.println();
        for (ChaosReport.Row row : report.scenarios()) {
            out.printf("%s (%.0f s): %s%n", row.name(), row.durationSeconds(), row.detail());
        }
        out.printf(
                "%nResult: %s in %.1f min (seed %d)%n",
                report.passed() ? "PASSED" : "FAILED", report.durationSeconds() / 60, report.seed());
    }
}
