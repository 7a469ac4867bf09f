package dev.distributary.local.chaos;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.util.Map;

/**
 * A platform file with some processor settings changed (a short function timeout, say), validated
 * like any platform file; the processors receive the variant's YAML, so they and the local run
 * agree on it.
 *
 * @param topology the variant
 * @param yaml     its YAML
 */
public record PlatformVariant(Topology topology, String yaml) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The platform itself when there is nothing to change. */
    public static PlatformVariant of(
            Topology topology, String yaml, Map<String, Object> processorSettings, String name) {
        if (processorSettings.isEmpty()) {
            return new PlatformVariant(topology, yaml);
        }
        try {
            JsonNode root = YAML.readTree(yaml);
            ObjectNode processor =
                    root.has("processor") && root.get("processor").isObject()
                            ? (ObjectNode) root.get("processor")
                            : ((ObjectNode) root).putObject("processor");
            processorSettings.forEach((key, value) -> processor.set(key, YAML.valueToTree(value)));
            String variant = YAML.writeValueAsString(root);
            return new PlatformVariant(
                    TopologyLoader.parse(variant, topology.name() + " (" + name + " variant)"), variant);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot derive the " + name + " variant of platform '" + topology.name() + "': "
                            + e.getOriginalMessage(),
                    e);
        }
    }
}
