package dev.distributary.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.infra.InfraConfigException;
import dev.distributary.infra.ResidencyRefusedException;
import dev.distributary.infra.StackSettings;
import dev.distributary.infra.synth.OfflineCloud;
import dev.distributary.infra.synth.SynthException;
import dev.distributary.infra.synth.SynthResource;
import dev.distributary.infra.synth.Synthesis;
import dev.distributary.infra.synth.Synthesizer;
import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "synth",
        header = "Print what a region's Pulumi stack would create, offline.",
        description = {
            "Run the Pulumi program for one region offline (Pulumi's mocks: no AWS account, no Pulumi CLI) and print every resource "
                    + "`pulumi up` would create there: type, logical name, parent and inputs (sorted, secrets redacted).",
            "ARNs and URLs name the placeholder account " + OfflineCloud.ACCOUNT + ".",
            "JSON: {platform, region, stack, account, counts, resources: [{type, name, parent, provider, inputs}]}."
        })
final class SynthCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    PlatformFile platform;

    @Option(
            names = "--region",
            required = true,
            paramLabel = "REGION",
            description = "The stack's region (aws:region); one of the platform's regions.")
    String region;

    @Mixin
    EnvironmentOption environment;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology = platform.load();
        PlatformFile.requireRegion(topology, region);
        Synthesis synthesis;
        try {
            StackSettings settings = StackSettings.load(
                    region, platform.path(), environment.name(), StackSettings.DEFAULT_PROCESSOR_JAR, Optional.empty());
            synthesis = Synthesizer.run(settings);
        } catch (ResidencyRefusedException refused) {
            throw new UserException(refused.getMessage());
        } catch (InfraConfigException bad) {
            throw new UserException(bad.getMessage());
        } catch (SynthException failed) {
            throw new UserException(failed.getMessage(), Distributary.CHECK_FAILED);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            OutputFormat.document(out, json(topology, synthesis));
        } else {
            text(topology, synthesis, out);
        }
        return Distributary.OK;
    }

    private static ObjectNode json(Topology topology, Synthesis synthesis) {
        ObjectNode root = JSON.createObjectNode();
        root.put("platform", topology.name());
        root.put("region", synthesis.region());
        root.put("stack", synthesis.stack());
        root.put("account", synthesis.account());
        ObjectNode counts = root.putObject("counts");
        synthesis.countsByType().forEach(counts::put);
        ArrayNode resources = root.putArray("resources");
        for (SynthResource resource : synthesis.resources()) {
            ObjectNode node = resources.addObject();
            node.put("type", resource.type());
            node.put("name", resource.name());
            resource.parent().ifPresentOrElse(p -> node.put("parent", p), () -> node.putNull("parent"));
            resource.provider().ifPresent(p -> node.put("provider", p));
            node.set("inputs", resource.inputs());
        }
        return root;
    }

    private static void text(Topology topology, Synthesis synthesis, PrintWriter out) {
        List<SynthResource> components =
                synthesis.resources().stream().filter(r -> r.parent().isEmpty()).toList();
        long providers = synthesis.resources().stream()
                .filter(r -> r.type().startsWith("pulumi:providers:"))
                .count();
        long cloud =
                synthesis.resources().stream().filter(r -> !r.isComponent()).count() - providers;
        out.printf(
                "Stack %s of platform %s in %s: %d resources%s in %d components (%s routing, primary %s)%n",
                synthesis.stack(),
                topology.name(),
                synthesis.region(),
                cloud,
                providers == 0 ? "" : " and " + providers + " providers for other regions",
                components.size(),
                topology.routing().mode().yamlName(),
                topology.routing().primary());
        out.printf(
                "ARNs and URLs name the placeholder account %s; resources marked [provider] are created in that provider's region.%n",
                synthesis.account());
        for (SynthResource component : components) {
            out.printf("%n%s (%s)%n", component.name(), component.type());
            for (SynthResource child : synthesis.resources()) {
                if (child.parent().filter(component.name()::equals).isEmpty()) {
                    continue;
                }
                out.printf(
                        "  %s  %s%s%n",
                        child.type(),
                        child.name(),
                        child.provider().map(p -> "  [" + p + "]").orElse(""));
                for (Iterator<Map.Entry<String, JsonNode>> fields =
                                child.inputs().fields();
                        fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue();
                    out.printf("      %s: %s%n", field.getKey(), value.isTextual() ? value.asText() : value.toString());
                }
            }
        }
        out.printf("%nCounts:%n");
        synthesis.countsByType().forEach((type, count) -> out.printf("  %3d  %s%n", count, type));
    }
}
