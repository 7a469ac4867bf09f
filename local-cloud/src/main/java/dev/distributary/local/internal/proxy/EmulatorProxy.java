package dev.distributary.local.internal.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.distributary.local.internal.iam.Denial;
import dev.distributary.local.internal.iam.IamEnforcer;
import dev.distributary.moto.MotoServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A pass-through in front of the emulator that every local client talks to: it judges each call a
 * local function signs by that function's role policy, as AWS would ({@link IamEnforcer}; a denied
 * call is answered with AWS's access-denied error and never reaches the emulator), counts the calls
 * per service and operation (the platform's own processes included), lets one write at a time
 * through to each table ({@link TableWriteOrder}: moto could otherwise give two stream records one
 * sequence number), and can inject faults — a
 * share of a service's calls (optionally of one operation on one table, queue or topic) answered
 * with throttling or a server error in the protocol's own error format — to prove the platform
 * under failure.
 */
public final class EmulatorProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HOP_HEADERS = Set.of(
            "host",
            "connection",
            "content-length",
            "expect",
            "upgrade",
            "transfer-encoding",
            "keep-alive",
            "te",
            "trailer",
            "proxy-connection");

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Upstreams upstreams;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "emulator-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<ApiCall, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<ApiCall, LongAdder> injected = new ConcurrentHashMap<>();
    private final Map<ApiCall, LongAdder> serverNanos = new ConcurrentHashMap<>();
    private final Map<ResourceCall, LongAdder> byResource = new ConcurrentHashMap<>();
    private final List<FaultRule> faults = new CopyOnWriteArrayList<>();
    private final List<FaultRule> once = new CopyOnWriteArrayList<>();
    private final TableWriteOrder writeOrder = new TableWriteOrder();
    private final IamEnforcer iam = new IamEnforcer();
    private final Random random;

    /** A proxy in front of one emulator serving every region. */
    public EmulatorProxy(URI target, long seed) {
        this(Upstreams.shared(target), seed);
    }

    /** A proxy sending each call to the emulator of the region it is signed for. */
    public EmulatorProxy(Upstreams upstreams, long seed) {
        this.upstreams = upstreams;
        this.random = new Random(seed);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the emulator proxy on loopback", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The endpoint clients use instead of the emulator's. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Where local functions' identities and policies are registered, and what was denied. */
    public IamEnforcer iam() {
        return iam;
    }

    public void inject(FaultRule rule) {
        faults.add(rule);
    }

    /**
     * A fault for the first call the rule matches only (its share is not drawn): so that a fault a
     * scenario must see happens at least once, however few calls it gets.
     */
    public void injectOnce(FaultRule rule) {
        once.add(rule);
    }

    public void clearFaults() {
        faults.clear();
        once.clear();
    }

    /** The rules in force. */
    public List<FaultRule> faults() {
        return List.copyOf(faults);
    }

    /** Calls answered with an injected fault, all services together. */
    public long totalInjected() {
        return injected.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls forwarded (or failed by injection), per service and operation. */
    public Map<String, Map<String, Long>> calls() {
        return snapshot(calls);
    }

    /**
     * Milliseconds the emulator spent answering, per service and operation, summed over the calls that
     * reached it (denied and faulted calls never do); waiting for a table's write turn is not included.
     */
    public Map<String, Map<String, Long>> serverMillis() {
        Map<String, Map<String, Long>> millis = new TreeMap<>();
        snapshot(serverNanos).forEach((service, operations) -> {
            Map<String, Long> byOperation = new TreeMap<>();
            operations.forEach((operation, nanos) -> byOperation.put(operation, nanos / 1_000_000));
            millis.put(service, byOperation);
        });
        return millis;
    }

    /** Calls answered with an injected fault. */
    public Map<String, Map<String, Long>> injectedFaults() {
        return snapshot(injected);
    }

    /**
     * Calls per service, operation and the resource they name (a table, queue URL or topic ARN;
     * {@code -} for none): which table a DynamoDB write went to tells an application write from an
     * idempotency record. A request naming several resources counts once for each.
     */
    public Map<String, Map<String, Map<String, Long>>> callsByResource() {
        Map<String, Map<String, Map<String, Long>>> snapshot = new TreeMap<>();
        byResource.forEach((call, count) -> snapshot.computeIfAbsent(call.call().service(), s -> new TreeMap<>())
                .computeIfAbsent(call.call().operation(), o -> new TreeMap<>())
                .merge(call.resource(), count.sum(), Long::sum));
        return snapshot;
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            ApiCall call = ApiCall.of(
                    headers.getFirst("Authorization"),
                    headers.getFirst("X-Amz-Target"),
                    exchange.getRequestURI().getPath(),
                    headers.getFirst("Content-Type"),
                    body);
            calls.computeIfAbsent(call, c -> new LongAdder()).increment();
            RequestResources request = RequestResources.read(headers.getFirst("Content-Type"), body);
            List<String> resources = request.named();
            (resources.isEmpty() ? List.of("-") : resources)
                    .forEach(resource -> byResource
                            .computeIfAbsent(new ResourceCall(call, resource), c -> new LongAdder())
                            .increment());
            Optional<Denial> denied = iam.check(
                    ApiCall.accessKeyId(headers.getFirst("Authorization")),
                    RequestedAccess.of(call, request, MotoServer.ACCOUNT_ID));
            if (denied.isPresent()) {
                respondDenied(exchange, denied.get(), headers.getFirst("X-Amz-Target") != null);
                return;
            }
            FaultRule fault = fault(call, resources);
            if (fault != null) {
                injected.computeIfAbsent(call, c -> new LongAdder()).increment();
                respondWithFault(exchange, fault, headers.getFirst("X-Amz-Target") != null);
                return;
            }
            writeOrder.run(call, resources, () -> pass(exchange, headers, body, call));
        }
    }

    /**
     * Forwards the request to the emulator of the call's region and its answer to the caller; the time
     * the emulator took, request sent to answer read, is added to the call's server time.
     */
    private void pass(HttpExchange exchange, Headers headers, byte[] body, ApiCall call) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstreams
                        .forRegion(call.region())
                        .resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        long sent = System.nanoTime();
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            serverNanos.computeIfAbsent(call, c -> new LongAdder()).add(System.nanoTime() - sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(503, -1);
            return;
        } catch (IOException e) {
            byte[] message = ("emulator unreachable: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(502, message.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(message);
            }
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] payload = response.body();
        exchange.sendResponseHeaders(response.statusCode(), payload.length == 0 ? -1 : payload.length);
        if (payload.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(payload);
            }
        }
    }

    private FaultRule fault(ApiCall call, List<String> resources) {
        for (FaultRule rule : once) {
            if (rule.matches(call) && rule.targets(resources) && once.remove(rule)) {
                return rule;
            }
        }
        for (FaultRule rule : faults) {
            if (rule.matches(call)) {
                if (rule.resource().isPresent() && !rule.targets(resources)) {
                    continue;
                }
                synchronized (random) {
                    if (random.nextDouble() < rule.share()) {
                        return rule;
                    }
                }
            }
        }
        return null;
    }

    private static void respondWithFault(HttpExchange exchange, FaultRule fault, boolean json) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String body;
        if (json) {
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", fault.errorCode());
            body = "{\"__type\":\"" + fault.errorCode() + "\",\"message\":\"injected by the local runtime\"}";
        } else {
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            body = "<ErrorResponse><Error><Type>" + (fault.status() >= 500 ? "Receiver" : "Sender") + "</Type><Code>"
                    + fault.errorCode() + "</Code><Message>injected by the local runtime</Message></Error><RequestId>"
                    + requestId + "</RequestId></ErrorResponse>";
        }
        exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(fault.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * AWS's answer to a call the caller's policy does not allow, naming the principal, the action and the
     * resource: {@code AccessDeniedException} (HTTP 400) in the JSON protocols (DynamoDB, DynamoDB
     * Streams, SQS), {@code AuthorizationError} (HTTP 403) in SNS's query protocol.
     */
    private static void respondDenied(HttpExchange exchange, Denial denial, boolean json) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String message = denial.message();
        String body;
        int status;
        if (json) {
            status = 400;
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.getResponseHeaders().add("x-amzn-ErrorType", "AccessDeniedException");
            body = "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":"
                    + JSON.writeValueAsString(message) + "}";
        } else {
            status = 403;
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            body = "<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>" + xml(message)
                    + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        }
        exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private record ResourceCall(ApiCall call, String resource) {}

    private static Map<String, Map<String, Long>> snapshot(Map<ApiCall, LongAdder> counts) {
        Map<String, Map<String, Long>> snapshot = new TreeMap<>();
        counts.forEach((call, count) -> snapshot.computeIfAbsent(call.service(), s -> new TreeMap<>())
                .merge(call.operation(), count.sum(), Long::sum));
        return snapshot;
    }
}
