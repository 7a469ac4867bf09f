package dev.distributary.change;

import java.util.Objects;

/** Who made a change, when the stream says: DynamoDB's TTL process is {@code Service / dynamodb.amazonaws.com}. */
public record UserIdentity(String type, String principalId) {

    public static final UserIdentity TTL_SERVICE = new UserIdentity("Service", "dynamodb.amazonaws.com");

    public UserIdentity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(principalId, "principalId");
    }

    public boolean isTtlService() {
        return equals(TTL_SERVICE);
    }
}
