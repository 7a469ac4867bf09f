package dev.distributary.local.internal.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * IAM on the local run: every call signed with a registered function's access key is judged by
 * that function's identity policy, action by action and resource by resource; a call any of whose
 * accesses is not allowed is denied, and remembered. Calls with other credentials (the workload,
 * replication, the harness: people and AWS itself on a real account) are not judged.
 */
public final class IamEnforcer {
    private final Map<String, Registered> byAccessKey = new ConcurrentHashMap<>();
    private final List<Denial> denials = new CopyOnWriteArrayList<>();

    private record Registered(LocalIdentity identity, IdentityPolicy policy) {}

    /** From now on, calls signed with the identity's key are judged by the policy. */
    public void register(LocalIdentity identity, IdentityPolicy policy) {
        byAccessKey.put(identity.accessKeyId(), new Registered(identity, policy));
    }

    /**
     * The first access of the call that its signer's policy does not allow; empty when the signer is
     * not a registered function or every access is allowed.
     *
     * @param accessKeyId the key the request is signed with
     * @param accesses    the action and resource of each thing the call does
     */
    public Optional<Denial> check(String accessKeyId, List<Access> accesses) {
        Registered registered = accessKeyId == null ? null : byAccessKey.get(accessKeyId);
        if (registered == null) {
            return Optional.empty();
        }
        for (Access access : accesses) {
            Decision decision = registered.policy().evaluate(access.action(), access.resource());
            if (!decision.allowed()) {
                Denial denial = new Denial(registered.identity(), access.action(), access.resource(), decision);
                denials.add(denial);
                return Optional.of(denial);
            }
        }
        return Optional.empty();
    }

    /** Every call denied so far, in order. */
    public List<Denial> denials() {
        return new ArrayList<>(denials);
    }

    public int deniedCount() {
        return denials.size();
    }

    /** One action on one resource, as a policy judges it. */
    public record Access(String action, String resource) {}
}
