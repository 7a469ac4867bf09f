package dev.distributary.local.internal.proxy;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where the proxy sends a call: the emulator serving the region the call is signed for, as each AWS
 * region is served by its own endpoint; a call signed for a region without one of its own (or not
 * signed) goes to {@code fallback}.
 *
 * @param byRegion the emulator of each region that has its own
 * @param fallback the emulator for every other call
 */
public record Upstreams(Map<String, URI> byRegion, URI fallback) {

    public Upstreams {
        byRegion = Map.copyOf(byRegion);
        Objects.requireNonNull(fallback, "fallback");
    }

    /** One emulator serving every region. */
    public static Upstreams shared(URI emulator) {
        return new Upstreams(Map.of(), emulator);
    }

    public URI forRegion(String region) {
        return byRegion.getOrDefault(region, fallback);
    }
}
