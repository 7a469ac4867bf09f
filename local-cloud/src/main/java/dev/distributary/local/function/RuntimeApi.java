package dev.distributary.local.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API for one function instance (the API's paths carry no function name, so
 * every instance has its own server and port). AWS's Runtime Interface Client in the child JVM
 * long-polls {@code invocation/next}, then posts a response or an error.
 */
final class RuntimeApi implements AutoCloseable {
    static final String PREFIX = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without it a warm round trip takes ~88 ms instead of ~2 ms (Nagle on the JDK server).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String functionArn;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> firstPoll = new CompletableFuture<>();
    private volatile String initError;
    private volatile boolean closed;

    /**
     * One queued or running invocation: {@code started} completes with the epoch millisecond at which
     * the runtime took it (its deadline runs from then, as Lambda's does: initialisation is not part
     * of it), {@code result} when the instance answers.
     */
    record Invocation(
            String requestId,
            String payload,
            long timeoutMillis,
            CompletableFuture<Long> started,
            CompletableFuture<InvocationResult> result,
            long startNanos) {}

    RuntimeApi(String functionArn) throws IOException {
        this.functionArn = functionArn;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread =
                    new Thread(runnable, "runtime-api-" + functionArn.substring(functionArn.lastIndexOf(':') + 1));
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Completes when the runtime first asks for work, that is, when the instance finished initialising. */
    CompletableFuture<Void> firstPoll() {
        return firstPoll;
    }

    Invocation submit(String payload, Duration timeout) {
        Invocation invocation = new Invocation(
                UUID.randomUUID().toString(),
                payload,
                timeout.toMillis(),
                new CompletableFuture<>(),
                new CompletableFuture<>(),
                System.nanoTime());
        pending.add(invocation);
        return invocation;
    }

    /** Fails everything queued or running, for an instance that was killed or died. */
    void failAll(InvocationResult result) {
        List<Invocation> queued = new ArrayList<>();
        pending.drainTo(queued);
        queued.forEach(invocation -> invocation.result().complete(result));
        inFlight.values().forEach(invocation -> invocation.result().complete(result));
        inFlight.clear();
    }

    /** The error the runtime reported during initialisation, if any. */
    String initError() {
        return initError;
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                String id = path.substring("invocation/".length(), path.length() - "/response".length());
                String body = read(exchange);
                complete(
                        id,
                        invocation -> new InvocationResult.Success(
                                body, Duration.ofNanos(System.nanoTime() - invocation.startNanos())));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                String id = path.substring("invocation/".length(), path.length() - "/error".length());
                JsonNode error = parse(read(exchange));
                complete(
                        id,
                        invocation -> new InvocationResult.FunctionError(
                                error.path("errorType").asText("Unhandled"),
                                error.path("errorMessage").asText("")));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("init/error")) {
                JsonNode error = parse(read(exchange));
                initError = error.path("errorType").asText("Runtime.InitError") + ": "
                        + error.path("errorMessage").asText("");
                respond(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                respond(exchange, 404, "{\"errorMessage\":\"unknown path " + path + "\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        firstPoll.complete(null);
        Invocation invocation = null;
        try {
            while (invocation == null && !closed) {
                invocation = pending.poll(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            respond(exchange, 503, "{\"errorMessage\":\"runtime API closed\"}");
            return;
        }
        inFlight.put(invocation.requestId(), invocation);
        long started = System.currentTimeMillis();
        invocation.started().complete(started);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        exchange.getResponseHeaders()
                .add("Lambda-Runtime-Deadline-Ms", Long.toString(started + invocation.timeoutMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
        exchange.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Trace-Id",
                        "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                                + invocation.requestId().replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        respond(exchange, 200, invocation.payload());
    }

    private void complete(String requestId, java.util.function.Function<Invocation, InvocationResult> result) {
        Invocation invocation = inFlight.remove(requestId);
        if (invocation != null) {
            invocation.result().complete(result.apply(invocation));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode()
                    .put("errorType", "Runtime.InvalidErrorBody")
                    .put("errorMessage", body);
        }
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
