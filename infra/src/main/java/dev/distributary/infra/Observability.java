package dev.distributary.infra;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.distributary.fanout.QueueSubscription;
import dev.distributary.fanout.RegionFanout;
import dev.distributary.infra.internal.DashboardBody;
import dev.distributary.topology.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A region's alarms and dashboard. Where a processor runs: iterator age, function errors and
 * throttles, records the processor blocked for residency ({@value #METRIC_NAMESPACE}
 * {@code ResidencyBlocked}), and messages in the quarantine and on-failure queues. Everywhere:
 * messages in each consumer's dead-letter queue. One dashboard per region (dashboards are
 * global, so its name carries the region).
 */
public final class Observability extends ComponentResource {
    public static final String TYPE = "distributary:infra:Observability";
    /** The processor's embedded metrics: namespace and dimensions. */
    public static final String METRIC_NAMESPACE = "Distributary";
    /** Records older than five minutes mean the processor is falling behind its stream. */
    public static final double ITERATOR_AGE_THRESHOLD_MS = 300_000;

    private final List<String> alarmNames = new ArrayList<>();

    public Observability(
            String name,
            StackSettings settings,
            RegionDeployment deployment,
            RegionFanout fanout,
            Map<String, String> tags,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        ResourceNames names = settings.names();
        String region = settings.region();
        String function = names.processorFunction();
        Optional<String> action = settings.alarmTopicArn();

        if (deployment.processes()) {
            alarm(
                    function + "-iterator-age",
                    "The processor is more than five minutes behind a table stream in " + region,
                    "AWS/Lambda",
                    "IteratorAge",
                    Map.of("FunctionName", function),
                    "Maximum",
                    60,
                    5,
                    5,
                    ITERATOR_AGE_THRESHOLD_MS,
                    action,
                    tags);
            alarm(
                    function + "-errors",
                    "The processor's invocations failed in " + region + " (the mapping retries them)",
                    "AWS/Lambda",
                    "Errors",
                    Map.of("FunctionName", function),
                    "Sum",
                    60,
                    5,
                    1,
                    0,
                    action,
                    tags);
            alarm(
                    function + "-throttles",
                    "The processor was throttled in " + region,
                    "AWS/Lambda",
                    "Throttles",
                    Map.of("FunctionName", function),
                    "Sum",
                    60,
                    5,
                    1,
                    0,
                    action,
                    tags);
            alarm(
                    names.prefix() + "-residency-blocked",
                    "The processor refused to publish changes whose data class may not reach a region, in " + region,
                    METRIC_NAMESPACE,
                    "ResidencyBlocked",
                    Map.of("Region", region, "FunctionName", function),
                    "Sum",
                    60,
                    1,
                    1,
                    0,
                    action,
                    tags);
            queueDepth(
                    names.quarantineQueue(),
                    "Changes the processor quarantined in " + region + " (full record and reason in the queue)",
                    action,
                    tags);
            queueDepth(
                    names.onFailureQueue(),
                    "Stream batches the event source mapping gave up on in " + region
                            + " (re-read them from the stream within 24 h)",
                    action,
                    tags);
        }
        for (QueueSubscription subscription : fanout.subscriptions()) {
            queueDepth(
                    subscription.deadLetterQueueName(),
                    "Messages consumer '" + subscription.consumer() + "' failed to handle in " + region
                            + " (distributary redrive --region " + region + " --consumer " + subscription.consumer()
                            + " --environment "
                            + settings.environment() + ")",
                    action,
                    tags);
        }
        String dashboardName = names.prefix() + "-" + region;
        new Dashboard(
                dashboardName,
                DashboardArgs.builder()
                        .dashboardName(dashboardName)
                        .dashboardBody(DashboardBody.of(
                                region,
                                deployment.processes() ? Optional.of(function) : Optional.empty(),
                                queues(names, deployment, fanout)))
                        .build(),
                CustomResourceOptions.builder().parent(this).build());

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("dashboardName", Output.of(dashboardName));
        outputs.put("alarmNames", Output.of(List.copyOf(alarmNames)));
        registerOutputs(outputs);
    }

    public List<String> alarmNames() {
        return List.copyOf(alarmNames);
    }

    private static List<String> queues(ResourceNames names, RegionDeployment deployment, RegionFanout fanout) {
        List<String> queues = new ArrayList<>();
        fanout.subscriptions().forEach(s -> {
            queues.add(s.queueName());
            queues.add(s.deadLetterQueueName());
        });
        if (deployment.processes()) {
            queues.add(names.quarantineQueue());
            queues.add(names.onFailureQueue());
        }
        return queues;
    }

    private void queueDepth(String queue, String description, Optional<String> action, Map<String, String> tags) {
        alarm(
                queue + "-depth",
                description,
                "AWS/SQS",
                "ApproximateNumberOfMessagesVisible",
                Map.of("QueueName", queue),
                "Maximum",
                60,
                1,
                1,
                0,
                action,
                tags);
    }

    /**
     * An alarm that fires when {@code datapointsToAlarm} of the last {@code evaluationPeriods} periods breach: 1 of N is "any
     * in the window", N of N is "for the whole window".
     */
    private void alarm(
            String name,
            String description,
            String namespace,
            String metric,
            Map<String, String> dimensions,
            String statistic,
            int period,
            int evaluationPeriods,
            int datapointsToAlarm,
            double threshold,
            Optional<String> action,
            Map<String, String> tags) {
        MetricAlarmArgs.Builder args = MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metric)
                .dimensions(dimensions)
                .statistic(statistic)
                .period(period)
                .evaluationPeriods(evaluationPeriods)
                // Stated always: without it CloudWatch needs evaluationPeriods consecutive breaching datapoints.
                .datapointsToAlarm(datapointsToAlarm)
                .comparisonOperator("GreaterThanThreshold")
                .threshold(threshold)
                .treatMissingData("notBreaching")
                .tags(tags);
        action.ifPresent(arn -> args.alarmActions(arn).okActions(arn));
        new MetricAlarm(
                name, args.build(), CustomResourceOptions.builder().parent(this).build());
        alarmNames.add(name);
    }
}
