package dev.distributary.local.internal.iam;

/**
 * A call a function's policy does not allow: who made it, the action and the resource, and why.
 *
 * @param identity the function's identity
 * @param action   for example {@code sns:Publish}
 * @param resource the resource's ARN
 * @param decision an explicit or an implicit deny
 */
public record Denial(LocalIdentity identity, String action, String resource, Decision decision) {

    /** The message AWS gives, naming the principal, the action and the resource. */
    public String message() {
        String why = decision instanceof Decision.ExplicitDeny deny
                ? "with an explicit deny in an identity-based policy (statement " + deny.sid() + ")"
                : "because no identity-based policy allows the " + action + " action";
        return "User: " + identity.principalArn() + " is not authorized to perform: " + action + " on resource: "
                + resource + " " + why;
    }

    /** One line for reports: the function, the action and the resource. */
    public String describe() {
        return identity.function() + " in " + identity.region() + ": " + action + " on " + resource;
    }
}
