package dev.distributary.local.internal.iam;

/** What an identity policy says of one action on one resource, and which statement said it. */
public sealed interface Decision {
    boolean allowed();

    /** An Allow statement matched and no Deny did. */
    record Allowed(String sid) implements Decision {
        @Override
        public boolean allowed() {
            return true;
        }
    }

    /** A Deny statement matched: it wins over every Allow. */
    record ExplicitDeny(String sid) implements Decision {
        @Override
        public boolean allowed() {
            return false;
        }
    }

    /** No statement matched: denied by default. */
    record ImplicitDeny() implements Decision {
        @Override
        public boolean allowed() {
            return false;
        }
    }
}
