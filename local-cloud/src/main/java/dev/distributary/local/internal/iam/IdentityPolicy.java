package dev.distributary.local.internal.iam;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.policybuilder.iam.IamAction;
import software.amazon.awssdk.policybuilder.iam.IamPolicy;
import software.amazon.awssdk.policybuilder.iam.IamResource;
import software.amazon.awssdk.policybuilder.iam.IamStatement;

/**
 * An identity-based policy, parsed with the AWS SDK's IAM policy builder and evaluated as AWS
 * evaluates one ("Policy evaluation logic" in the IAM user guide): an explicit Deny wins, then an
 * Allow, and anything else is denied implicitly. A statement applies when the action matches one
 * of its Action entries (or none of its NotAction entries) and the resource one of its Resource
 * entries (or none of its NotResource entries); {@code *} and {@code ?} are wildcards, actions
 * compare without case, resources with it. Conditions and principals, which the project's
 * identity policies do not use, are refused rather than ignored.
 */
public final class IdentityPolicy {
    private final List<Rule> rules;

    private record Rule(
            String sid,
            boolean deny,
            List<String> actions,
            boolean notAction,
            List<String> resources,
            boolean notResource) {
        boolean applies(String action, String resource) {
            boolean actionMatches = actions.stream().anyMatch(a -> Wildcard.matches(a, action, true));
            boolean resourceMatches = resources.stream().anyMatch(r -> Wildcard.matchesArn(r, resource));
            return actionMatches != notAction && resourceMatches != notResource;
        }
    }

    private IdentityPolicy(List<Rule> rules) {
        this.rules = rules;
    }

    /**
     * Reads an IAM identity policy document.
     *
     * @throws IllegalArgumentException when the document is not a policy this evaluator can judge faithfully
     */
    public static IdentityPolicy parse(String json) {
        Objects.requireNonNull(json, "json");
        IamPolicy policy;
        try {
            policy = IamPolicy.fromJson(json);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an IAM policy document: " + e.getMessage(), e);
        }
        List<Rule> rules =
                policy.statements().stream().map(IdentityPolicy::rule).toList();
        return new IdentityPolicy(rules);
    }

    private static Rule rule(IamStatement statement) {
        String sid = statement.sid() == null ? "(no Sid)" : statement.sid();
        if (!statement.conditions().isEmpty()
                || !statement.principals().isEmpty()
                || !statement.notPrincipals().isEmpty()) {
            throw new IllegalArgumentException(
                    "statement " + sid + " has a Condition or a Principal, which the local evaluator does not judge");
        }
        boolean notAction = statement.actions().isEmpty();
        boolean notResource = statement.resources().isEmpty();
        List<String> actions = (notAction ? statement.notActions() : statement.actions())
                .stream().map(IamAction::value).toList();
        List<String> resources = (notResource ? statement.notResources() : statement.resources())
                .stream().map(IamResource::value).toList();
        if (actions.isEmpty() || resources.isEmpty()) {
            throw new IllegalArgumentException(
                    "statement " + sid + " needs an Action (or NotAction) and a Resource (or NotResource)");
        }
        return new Rule(
                sid, "Deny".equalsIgnoreCase(statement.effect().value()), actions, notAction, resources, notResource);
    }

    public Decision evaluate(String action, String resource) {
        Decision decision = new Decision.ImplicitDeny();
        for (Rule rule : rules) {
            if (rule.applies(action, resource)) {
                if (rule.deny()) {
                    return new Decision.ExplicitDeny(rule.sid());
                }
                if (!decision.allowed()) {
                    decision = new Decision.Allowed(rule.sid());
                }
            }
        }
        return decision;
    }
}
