package dev.distributary.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.topology.ProcessorPermissions.Permission;
import dev.distributary.topology.ProcessorPermissions.Resources;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The regional processor's role policy as an IAM policy document: {@link ProcessorPermissions}'s
 * statements on the ARNs of one region's resources. The Pulumi program writes this document into
 * the role, and the local run enforces this same document on every call the function makes, so
 * that what is deployed and what is tested cannot differ.
 */
public final class ProcessorPolicy {
    public static final String VERSION = "2012-10-17";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessorPolicy() {}

    /**
     * The ARNs each kind of resource stands for, for the processor in {@code region}: the streams of
     * the tables with a replica there, the topics of {@link Topology#publishRegions}, the region's
     * quarantine and on-failure queues, its idempotency table, its log group's streams, and
     * {@code *} for X-Ray (which has no resource-level permissions).
     */
    public static Map<Resources, List<String>> resources(
            Topology topology, ResourceNames names, String region, Arns arns) {
        Map<Resources, List<String>> resources = new EnumMap<>(Resources.class);
        resources.put(
                Resources.TABLE_STREAMS,
                topology.tables().stream()
                        .filter(t -> topology.replicaRegions(t).contains(region))
                        .map(t -> arns.tableStreams(region, t.name()))
                        .toList());
        resources.put(
                Resources.PUBLISH_TOPICS,
                topology.publishRegions(region).stream()
                        .map(r -> arns.topic(r, names.topic()))
                        .toList());
        resources.put(Resources.QUARANTINE_QUEUE, List.of(arns.queue(region, names.quarantineQueue())));
        resources.put(Resources.ON_FAILURE_QUEUE, List.of(arns.queue(region, names.onFailureQueue())));
        resources.put(Resources.IDEMPOTENCY_TABLE, List.of(arns.table(region, names.idempotencyTable())));
        resources.put(Resources.LOG_STREAMS, List.of(arns.logStreams(region, names.processorLogGroup())));
        resources.put(Resources.ANY, List.of("*"));
        return resources;
    }

    /** The policy of the processor in {@code region} with the platform's permissions. */
    public static String of(Topology topology, ResourceNames names, String region, Arns arns) {
        return document(ProcessorPermissions.of(topology.processor()), resources(topology, names, region, arns));
    }

    /** One Allow statement per permission, on its kind's ARNs; a permission whose kind has no ARN here is left out. */
    public static String document(List<Permission> permissions, Map<Resources, List<String>> resources) {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", VERSION);
        ArrayNode statements = document.putArray("Statement");
        for (Permission permission : permissions) {
            List<String> arns = resources.getOrDefault(permission.resources(), List.of());
            if (arns.isEmpty()) {
                continue;
            }
            ObjectNode statement = statements.addObject();
            statement.put("Sid", permission.sid());
            statement.put("Effect", "Allow");
            permission.actions().forEach(statement.putArray("Action")::add);
            arns.forEach(statement.putArray("Resource")::add);
        }
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy document is always serialisable", e);
        }
    }
}
