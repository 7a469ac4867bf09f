package dev.distributary.local.internal.proxy;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * An injected fault: a share of the calls to one service (and optionally one operation and one
 * resource) fails with the given HTTP status and AWS error code, without reaching the emulator.
 *
 * @param service   the signing name the rule applies to (sns, dynamodb, sqs, ...)
 * @param operation the operation, or {@code *} for all of the service's
 * @param share     the fraction of matching calls that fail, 0 to 1
 * @param status    the HTTP status returned (400 for throttling, 500/503 for server errors)
 * @param errorCode the AWS error code (ThrottlingException, Throttling, InternalFailure, ...)
 * @param resource  only calls on this resource: a DynamoDB table name, an SQS queue name or an SNS
 *                  topic name (the request's {@code TableName}, the tables of {@code RequestItems}
 *                  or {@code TransactItems}, {@code QueueUrl}, {@code TopicArn}); empty for any
 */
public record FaultRule(
        String service, String operation, double share, int status, String errorCode, Optional<String> resource) {
    public FaultRule {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be between 0 and 1, not " + share);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault's status must be an HTTP error (400-599), not " + status);
        }
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(resource, "resource");
        if (resource.isPresent() && resource.get().isBlank()) {
            throw new IllegalArgumentException("a fault's resource must be a name, not blank");
        }
    }

    /** A rule on every resource of the service. */
    public FaultRule(String service, String operation, double share, int status, String errorCode) {
        this(service, operation, share, status, errorCode, Optional.empty());
    }

    /**
     * Throttling in the service's own terms: {@code Throttling} (HTTP 400) for the query protocol
     * (SNS), {@code ThrottlingException} (HTTP 400) for the JSON protocols (DynamoDB, SQS).
     */
    public static FaultRule throttling(String service, String operation, double share) {
        return new FaultRule(
                service, operation, share, 400, service.equals("sns") ? "Throttling" : "ThrottlingException");
    }

    /** A server error: HTTP 500 with the service's internal-error code. */
    public static FaultRule serverError(String service, String operation, double share) {
        return new FaultRule(
                service,
                operation,
                share,
                500,
                service.equals("sns") || service.equals("sqs") ? "InternalError" : "InternalServerError");
    }

    /** The same rule limited to one table, queue or topic (by name). */
    public FaultRule on(String resourceName) {
        return new FaultRule(service, operation, share, status, errorCode, Optional.of(resourceName));
    }

    public boolean matches(ApiCall call) {
        return service.equals(call.service()) && (operation.equals("*") || operation.equals(call.operation()));
    }

    /** Whether one of the resources a matching call names is this rule's (always, without a resource). */
    public boolean targets(Collection<String> callResources) {
        if (resource.isEmpty()) {
            return true;
        }
        String name = resource.get();
        return callResources.stream().anyMatch(r -> r.equals(name) || r.endsWith("/" + name) || r.endsWith(":" + name));
    }

    /** For reports: service, operation, share, error and resource. */
    public String describe() {
        return String.format(
                "%s %s %d%% %s (%d)%s",
                service,
                operation,
                Math.round(share * 100),
                errorCode,
                status,
                resource.map(r -> " on " + r).orElse(""));
    }
}
