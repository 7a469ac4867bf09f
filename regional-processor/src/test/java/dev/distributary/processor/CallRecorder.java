package dev.distributary.processor;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records the AWS calls every SDK client of the test JVM makes while a test listens: the SDK
 * loads it as a global interceptor (src/test/resources/software/amazon/awssdk/global/handlers),
 * so the processor's own clients, built as in Lambda, are recorded without a hook in their code.
 * It does nothing while no test listens.
 */
public final class CallRecorder implements ExecutionInterceptor {
    /** One call: the service's IAM prefix, the operation, and the resource it names (a table name, topic ARN or queue URL). */
    record Call(String service, String operation, Optional<String> resource) {}

    private static volatile List<Call> listening;
    private static volatile FailingPublishBatch faults;

    /** Starts recording into a new list, which is returned. */
    static List<Call> listen() {
        List<Call> calls = new CopyOnWriteArrayList<>();
        listening = calls;
        return calls;
    }

    static void stop() {
        listening = null;
        faults = null;
    }

    /** While listening, PublishBatch entries go through these faults (throttled entries, as SNS reports them). */
    static void throttling(FailingPublishBatch publishFaults) {
        faults = publishFaults;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        FailingPublishBatch active = faults;
        return active == null ? context.request() : active.modifyRequest(context, attributes);
    }

    @Override
    public software.amazon.awssdk.core.SdkResponse modifyResponse(
            Context.ModifyResponse context, ExecutionAttributes attributes) {
        FailingPublishBatch active = faults;
        return active == null ? context.response() : active.modifyResponse(context, attributes);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<Call> calls = listening;
        if (calls == null) {
            return;
        }
        SdkRequest request = context.request();
        Optional<String> resource = request.getValueForField("TableName", String.class)
                .or(() -> request.getValueForField("TopicArn", String.class))
                .or(() -> request.getValueForField("QueueUrl", String.class))
                .or(() -> request.getValueForField("RequestItems", java.util.Map.class)
                        .flatMap(items -> items.keySet().stream().findFirst().map(Object::toString)));
        calls.add(new Call(
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(java.util.Locale.ROOT),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                resource));
    }
}
