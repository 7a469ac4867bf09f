package dev.distributary.cli;

import dev.distributary.fanout.FanoutLayout;
import dev.distributary.fanout.QueueSubscription;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.Suggestions;
import dev.distributary.topology.Topology;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * A consumer's queue and dead-letter queue in one region, found from the platform file and then
 * on the endpoint; every way that can fail is a message that says what to do.
 */
record ConsumerQueues(String region, QueueSubscription subscription, String queueUrl, String deadLetterQueueUrl) {

    static ConsumerQueues find(
            Topology topology,
            ResourceNames names,
            String region,
            String consumerName,
            SqsClient sqs,
            AwsEndpoint endpoint,
            String file) {
        PlatformFile.requireRegion(topology, region);
        ConsumerSpec consumer = topology.fanout()
                .consumer(consumerName)
                .orElseThrow(() -> unknownConsumer(topology, consumerName, file, region));
        if (!consumer.regions().contains(region)) {
            throw new UserException("consumer '" + consumerName + "' has no queue " + "in " + region
                    + "; its regions are " + consumer.regions());
        }
        QueueSubscription subscription = FanoutLayout.of(topology, names)
                .region(region)
                .subscription(consumerName)
                .orElseThrow();
        return new ConsumerQueues(
                region,
                subscription,
                url(sqs, subscription.queueName(), region, endpoint),
                url(sqs, subscription.deadLetterQueueName(), region, endpoint));
    }

    String queueName() {
        return subscription.queueName();
    }

    String deadLetterQueueName() {
        return subscription.deadLetterQueueName();
    }

    /** The URL of the named queue in the region; a queue that does not exist, or an endpoint that fails, is a message. */
    static String url(SqsClient sqs, String name, String region, AwsEndpoint endpoint) {
        try {
            return sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            throw new UserException("queue '" + name + "' does not exist " + endpoint.where(region)
                    + "; deploy the platform there first, or point --endpoint at the emulator that runs it");
        } catch (SdkClientException e) {
            throw unreachable(endpoint, region, e);
        } catch (AwsServiceException e) {
            throw refused(endpoint, region, e);
        }
    }

    static UserException unreachable(AwsEndpoint endpoint, String region, SdkClientException e) {
        String reason = String.valueOf(e.getMessage()).startsWith("Unable to load credentials")
                ? "no AWS credentials were found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"
                : e.getMessage();
        return new UserException("cannot reach SQS " + endpoint.where(region) + ": " + reason
                + (endpoint.uri().isPresent()
                        ? "; is the emulator running? (check --endpoint or AWS_ENDPOINT_URL)"
                        : "; check your AWS credentials, or pass --endpoint for an emulator"));
    }

    static UserException refused(AwsEndpoint endpoint, String region, AwsServiceException e) {
        String message = e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
        return new UserException(
                "SQS " + endpoint.where(region) + " refused the request (HTTP " + e.statusCode() + " " + message + ")",
                Distributary.CHECK_FAILED);
    }

    private static UserException unknownConsumer(Topology topology, String name, String file, String region) {
        List<String> names =
                topology.fanout().consumers().stream().map(ConsumerSpec::name).toList();
        String hint = Suggestions.didYouMean(name, names);
        String quarantine = name.equals("quarantine")
                ? " The quarantine is not a consumer: distributary quarantine --region " + region + " shows it."
                : "";
        return new UserException("consumer '" + name + "' is not defined in " + file + hint + " Consumers: "
                + String.join(", ", names) + "." + quarantine);
    }
}
