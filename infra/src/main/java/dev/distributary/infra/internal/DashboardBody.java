package dev.distributary.infra.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** The CloudWatch dashboard of one region: the processor's Lambda and embedded metrics, and every queue's depth. */
public final class DashboardBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WIDTH = 12;
    private static final int HEIGHT = 6;
    /** The processor's embedded metrics that count records. */
    public static final List<String> RECORD_METRICS =
            List.of("Processed", "Published", "SkippedReplica", "Quarantined", "ResidencyBlocked");

    private DashboardBody() {}

    public static String of(String region, Optional<String> function, List<String> queues) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode widgets = body.putArray("widgets");
        int[] y = {0};
        function.ifPresent(fn -> {
            ArrayNode invocations = metricWidget(widgets, "Processor invocations", region, "Sum", 0, y[0]);
            for (String metric : List.of("Invocations", "Errors", "Throttles")) {
                invocations
                        .addArray()
                        .add("AWS/Lambda")
                        .add(metric)
                        .add("FunctionName")
                        .add(fn);
            }
            metricWidget(widgets, "Iterator age (ms)", region, "Maximum", WIDTH, y[0])
                    .addArray()
                    .add("AWS/Lambda")
                    .add("IteratorAge")
                    .add("FunctionName")
                    .add(fn);
            y[0] += HEIGHT;
            ArrayNode records = metricWidget(widgets, "Records", region, "Sum", 0, y[0]);
            for (String metric : RECORD_METRICS) {
                records.addArray()
                        .add("Distributary")
                        .add(metric)
                        .add("Region")
                        .add(region)
                        .add("FunctionName")
                        .add(fn);
            }
            metricWidget(widgets, "End-to-end lag p99 (ms)", region, "p99", WIDTH, y[0])
                    .addArray()
                    .add("Distributary")
                    .add("EndToEndLagMs")
                    .add("Region")
                    .add(region)
                    .add("FunctionName")
                    .add(fn);
            y[0] += HEIGHT;
        });
        ArrayNode depth = metricWidget(widgets, "Messages waiting", region, "Maximum", 0, y[0]);
        queues.forEach(queue -> depth.addArray()
                .add("AWS/SQS")
                .add("ApproximateNumberOfMessagesVisible")
                .add("QueueName")
                .add(queue));
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dashboard body is always serialisable", e);
        }
    }

    private static ArrayNode metricWidget(ArrayNode widgets, String title, String region, String stat, int x, int y) {
        ObjectNode widget = widgets.addObject();
        widget.put("type", "metric").put("x", x).put("y", y).put("width", WIDTH).put("height", HEIGHT);
        ObjectNode properties = widget.putObject("properties");
        properties
                .put("title", title)
                .put("region", region)
                .put("stat", stat)
                .put("period", 60)
                .put("view", "timeSeries");
        return properties.putArray("metrics");
    }
}
