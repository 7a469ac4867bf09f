package dev.distributary.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Fault injection for SNS: PublishBatch entries whose message mentions a chosen event ID are
 * withheld from the request and reported back as failed with {@code Throttling}, as SNS reports a
 * throttled entry.
 */
final class FailingPublishBatch implements ExecutionInterceptor {
    private static final ExecutionAttribute<List<String>> WITHHELD = new ExecutionAttribute<>("withheld-entries");

    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();

    FailingPublishBatch fail(String eventId) {
        eventIds.add(eventId);
        return this;
    }

    void heal() {
        eventIds.clear();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!(context.request() instanceof PublishBatchRequest request)) {
            return context.request();
        }
        List<PublishBatchRequestEntry> kept = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
            if (eventIds.stream().anyMatch(id -> entry.message().contains("\"id\":\"" + id + "\""))) {
                withheld.add(entry.id());
            } else {
                kept.add(entry);
            }
        }
        attributes.putAttribute(WITHHELD, withheld);
        return request.toBuilder().publishBatchRequestEntries(kept).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        List<String> withheld = attributes.getAttribute(WITHHELD);
        if (!(context.response() instanceof PublishBatchResponse response) || withheld == null || withheld.isEmpty()) {
            return context.response();
        }
        List<BatchResultErrorEntry> failed = new ArrayList<>(response.failed());
        withheld.forEach(id -> failed.add(BatchResultErrorEntry.builder()
                .id(id)
                .code("Throttling")
                .message("Rate exceeded")
                .senderFault(false)
                .build()));
        return response.toBuilder().failed(failed).build();
    }
}
