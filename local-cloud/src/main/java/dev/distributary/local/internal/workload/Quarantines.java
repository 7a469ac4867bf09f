package dev.distributary.local.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.provision.RegionResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.model.Message;

/** The processors' quarantine queues, read to the end. */
public final class Quarantines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Quarantines() {}

    /**
     * Every message of every region's quarantine queue, read and deleted; a body that is not JSON
     * is kept as {@code {"unreadable": body}}.
     */
    public static List<JsonNode> drain(LocalPlatform platform) {
        List<JsonNode> messages = new ArrayList<>();
        for (RegionResources region : platform.resources().values()) {
            if (region.processor().isEmpty()) {
                continue;
            }
            String url = region.processor().get().quarantineUrl();
            var sqs = platform.aws().sqs(region.region());
            while (true) {
                List<Message> batch = sqs.receiveMessage(
                                b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                        .messages();
                if (batch.isEmpty()) {
                    break;
                }
                for (Message message : batch) {
                    try {
                        messages.add(JSON.readTree(message.body()));
                    } catch (IOException e) {
                        messages.add(JSON.createObjectNode().put("unreadable", message.body()));
                    }
                    sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()));
                }
            }
        }
        return messages;
    }
}
