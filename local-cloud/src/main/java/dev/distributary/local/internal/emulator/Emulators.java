package dev.distributary.local.internal.emulator;

import dev.distributary.local.internal.proxy.Upstreams;
import dev.distributary.moto.MotoServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The emulators a local platform runs on: one moto server per region, started here, so that regions
 * are isolated as in AWS and their work spreads over the machine's cores; or one emulator the user
 * brought, shared by every region (and left running on close).
 */
public final class Emulators implements AutoCloseable {
    private final Map<String, MotoServer> byRegion;
    private final MotoServer shared;

    private Emulators(Map<String, MotoServer> byRegion, MotoServer shared) {
        this.byRegion = byRegion;
        this.shared = shared;
    }

    /** The emulator at {@code endpoint}, serving every region. */
    public static Emulators shared(URI endpoint) {
        return new Emulators(Map.of(), MotoServer.connect(endpoint));
    }

    /** Starts one moto server per region, all at once; if one cannot start, those that did are stopped. */
    public static Emulators perRegion(List<String> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a platform has at least one region");
        }
        Map<String, CompletableFuture<MotoServer>> starting = new LinkedHashMap<>();
        regions.forEach(region -> starting.put(region, CompletableFuture.supplyAsync(MotoServer::start)));
        Map<String, MotoServer> started = new LinkedHashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<String, CompletableFuture<MotoServer>> region : starting.entrySet()) {
            try {
                started.put(region.getKey(), region.getValue().join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        Emulators emulators = new Emulators(started, null);
        if (failure != null) {
            emulators.close();
            throw failure;
        }
        return emulators;
    }

    /** Where the proxy sends each region's calls. */
    public Upstreams upstreams() {
        if (shared != null) {
            return Upstreams.shared(shared.endpoint());
        }
        Map<String, URI> endpoints = new LinkedHashMap<>();
        byRegion.forEach((region, server) -> endpoints.put(region, server.endpoint()));
        return new Upstreams(endpoints, endpoints.values().iterator().next());
    }

    /** What the platform runs on, for its start-up lines. */
    public String describe() {
        return shared != null
                ? "using the emulator at " + shared.endpoint()
                : "started one moto server per region (" + String.join(", ", byRegion.keySet()) + ")";
    }

    @Override
    public void close() {
        List<MotoServer> servers = new ArrayList<>(byRegion.values());
        if (shared != null) {
            servers.add(shared);
        }
        servers.parallelStream().forEach(MotoServer::close);
    }
}
