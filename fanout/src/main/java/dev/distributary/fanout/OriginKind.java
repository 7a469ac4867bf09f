package dev.distributary.fanout;

import java.util.Locale;
import java.util.Optional;

/** Whether a change was written in the region whose stream carried it, or replicated into it. */
public enum OriginKind {
    /** Written in this region: consumers with origin {@code local} take it. */
    LOCAL,
    /** Written elsewhere and replicated here: only consumers with origin {@code any} take it. */
    REPLICA;

    /** The spelling in the envelope and the {@code originKind} message attribute: {@code local} or {@code replica}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OriginKind> fromWireName(String wireName) {
        for (OriginKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
