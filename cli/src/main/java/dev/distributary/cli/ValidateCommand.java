package dev.distributary.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        header = "Check the platform file and list every problem in it.",
        description = {
            "Check the platform file; exit 2 with every problem found when it is not valid.",
            "JSON: {file, valid, platform, regions, routing, primary, tables, consumers} when valid, {file, valid: false, problems: [{path, message}]} "
                    + "when not."
        })
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** What {@code --format json} prints; a valid file's summary, or an invalid file's problems. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(
            String file,
            boolean valid,
            String platform,
            List<String> regions,
            String routing,
            String primary,
            Integer tables,
            Integer consumers,
            String idempotency,
            String idempotencyReason,
            List<ProblemJson> problems) {}

    record ProblemJson(String path, String message) {}

    @Override
    public Integer call() {
        Topology topology;
        try {
            topology = platform.load();
        } catch (TopologyException invalid) {
            if (format.json()) {
                List<ProblemJson> problems = invalid.problems().stream()
                        .map(p -> new ProblemJson(p.path(), p.message()))
                        .toList();
                OutputFormat.document(
                        spec.commandLine().getOut(),
                        new Result(
                                platform.path().toString(),
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                problems));
            }
            throw invalid;
        }
        if (format.json()) {
            OutputFormat.document(
                    spec.commandLine().getOut(),
                    new Result(
                            platform.path().toString(),
                            true,
                            topology.name(),
                            topology.regions(),
                            topology.routing().mode().yamlName(),
                            topology.routing().primary(),
                            topology.tables().size(),
                            topology.fanout().consumers().size(),
                            topology.processor().ledger().yamlName(),
                            topology.processor().ledgerReason(),
                            List.of()));
        } else {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s is valid: platform '%s', %d regions (%s, %s), %d tables, %d consumers%n",
                            platform.path(),
                            topology.name(),
                            topology.regions().size(),
                            topology.routing().mode().yamlName(),
                            "primary " + topology.routing().primary(),
                            topology.tables().size(),
                            topology.fanout().consumers().size());
            spec.commandLine()
                    .getOut()
                    .printf(
                            "publish ledger: %s (%s)%n",
                            topology.processor().ledger().yamlName(),
                            topology.processor().ledgerReason());
        }
        return Distributary.OK;
    }
}
