package dev.distributary.infra.synth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS names a queue, topic, table, function, log group or alarm uniquely per account and region
 * (an IAM role and a dashboard per account): a stack that declares two of one kind with one name
 * fails at {@code pulumi up} (QueueAlreadyExists, ResourceInUseException, a duplicate URN). Synth
 * refuses it first.
 */
final class PhysicalNames {
    /** Per resource type, the input that holds its physical name; other types have none of their own. */
    private static final Map<String, String> NAME_INPUT = Map.of(
            "aws:sqs/queue:Queue", "name",
            "aws:sns/topic:Topic", "name",
            "aws:dynamodb/table:Table", "name",
            "aws:lambda/function:Function", "name",
            "aws:cloudwatch/logGroup:LogGroup", "name",
            "aws:cloudwatch/metricAlarm:MetricAlarm", "name",
            "aws:cloudwatch/dashboard:Dashboard", "dashboardName",
            "aws:iam/role:Role", "name");

    private PhysicalNames() {}

    /** @throws SynthException naming the type, the name and the region of the first duplicate */
    static void requireUnique(List<SynthResource> resources, String stackRegion) {
        Map<String, SynthResource> seen = new HashMap<>();
        for (SynthResource resource : resources) {
            String input = NAME_INPUT.get(resource.type());
            if (input == null || !resource.inputs().path(input).isTextual()) {
                continue;
            }
            String name = resource.inputs().get(input).asText();
            String where =
                    resource.provider().map(p -> "the region of provider " + p).orElse(stackRegion);
            SynthResource earlier = seen.putIfAbsent(resource.type() + " " + where + " " + name, resource);
            if (earlier != null) {
                throw new SynthException(
                        "two " + resource.type() + " resources are named '" + name + "' in " + where + " ('"
                                + earlier.name()
                                + "' and '" + resource.name()
                                + "'): AWS names them uniquely per account and region, so pulumi up would fail;"
                                + " rename one (for a consumer, choose a name that is not another consumer's plus -dlq, nor a reserved one)");
            }
        }
    }
}
