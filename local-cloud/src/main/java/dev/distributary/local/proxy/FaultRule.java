package dev.distributary.local.proxy;

import java.util.Objects;

/**
 * An injected fault: a share of the calls to one service (and optionally one operation) fails
 * with the given HTTP status and AWS error code, without reaching the emulator.
 *
 * @param service   the signing name the rule applies to (sns, dynamodb, sqs, ...)
 * @param operation the operation, or {@code *} for all of the service's
 * @param share     the fraction of matching calls that fail, 0 to 1
 * @param status    the HTTP status returned (400 for throttling, 500/503 for server errors)
 * @param errorCode the AWS error code (ThrottlingException, Throttling, InternalFailure, ...)
 */
public record FaultRule(String service, String operation, double share, int status, String errorCode) {
    public FaultRule {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("share must be between 0 and 1, not " + share);
        }
        Objects.requireNonNull(errorCode, "errorCode");
    }

    public boolean matches(ApiCall call) {
        return service.equals(call.service()) && (operation.equals("*") || operation.equals(call.operation()));
    }
}
