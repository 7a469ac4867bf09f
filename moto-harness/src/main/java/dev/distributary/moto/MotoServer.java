package dev.distributary.moto;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto server on loopback: started as a child process on a free port, or an emulator already
 * running at a known endpoint. All AWS services share its one port; the region comes from each
 * request's signature.
 */
public final class MotoServer implements AutoCloseable {
    /** The account moto puts in every ARN and queue URL (its default). */
    public static final String ACCOUNT_ID = "123456789012";

    /** Set this to use a running emulator instead of starting one. */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

    private final URI endpoint;
    private final Process process;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MotoServer(URI endpoint, Process process, Path log) {
        this.endpoint = endpoint;
        this.process = process;
        this.log = log;
    }

    /** Uses {@code AWS_ENDPOINT_URL} when it is set, else starts moto server. */
    public static MotoServer startOrConnect() {
        return Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE))
                .filter(value -> !value.isBlank())
                .map(value -> connect(URI.create(value)))
                .orElseGet(MotoServer::start);
    }

    /** An emulator that is already running; {@link #close()} leaves it running. */
    public static MotoServer connect(URI endpoint) {
        return connect(endpoint, Duration.ofSeconds(10));
    }

    /** An emulator that is already running, given {@code timeout} to answer. */
    public static MotoServer connect(URI endpoint, Duration timeout) {
        MotoServer server = new MotoServer(endpoint, null, null);
        server.awaitReady(Instant.now().plus(timeout));
        return server;
    }

    /** Where scripts/moto.sh installs moto, under the user's cache directory (for messages). */
    static final String PRIVATE_VENV = "${XDG_CACHE_HOME:-~/.cache}/distributary/moto-venv";

    /**
     * Starts {@code moto_server} on a free loopback port and waits until it answers: the one on the
     * PATH, else the one in the private virtual environment scripts/moto.sh installs.
     */
    public static MotoServer start() {
        return start(executable(System.getenv(), System.getProperty("user.home")));
    }

    /** {@code moto_server} when the PATH has it; else the private virtual environment's, when it is installed; else {@code moto_server}. */
    static String executable(Map<String, String> environment, String userHome) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator, -1)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "moto_server"))) {
                return "moto_server";
            }
        }
        String cache = environment.getOrDefault("XDG_CACHE_HOME", "");
        Path venv = (cache.isEmpty() ? Path.of(environment.getOrDefault("HOME", userHome), ".cache") : Path.of(cache))
                .resolve("distributary")
                .resolve("moto-venv")
                .resolve("bin")
                .resolve("moto_server");
        return Files.isExecutable(venv) ? venv.toString() : "moto_server";
    }

    static MotoServer start(String executable) {
        Path log = null;
        Process process;
        try {
            log = Files.createTempFile("moto-server-", ".log");
            process = new ProcessBuilder(executable, "-H", "127.0.0.1", "-p", "0")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            deleteQuietly(log);
            throw new MotoUnavailableException(
                    executable + " is not on the PATH; install it with: " + MotoUnavailableException.INSTALL, e);
        }
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try {
            int port = awaitPort(process, log, deadline);
            MotoServer server = new MotoServer(URI.create("http://127.0.0.1:" + port), process, log);
            server.awaitReady(deadline);
            return server;
        } catch (RuntimeException e) {
            process.destroyForcibly();
            deleteQuietly(log);
            throw e;
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Clears every service's state in every region. */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MotoUnavailableException(
                        "moto reset at " + endpoint + " answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new MotoUnavailableException(
                    "moto at " + endpoint + " did not answer the reset: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted while resetting moto", e);
        }
    }

    /** Whether this object started the server (and so stops it on close). */
    public boolean isOwned() {
        return process != null;
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the log is in the temporary directory; leaving it is harmless
        }
    }

    private static void deleteQuietly(Path log) {
        try {
            if (log != null) {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            // a leftover log in the temporary directory is harmless
        }
    }

    private static int awaitPort(Process process, Path log, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            String output = read(log);
            Matcher matcher = LISTENING.matcher(output);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            if (!process.isAlive()) {
                throw new MotoUnavailableException("moto_server exited with code " + process.exitValue()
                        + " before listening: " + lastLines(output) + " (is moto[server] installed? "
                        + MotoUnavailableException.INSTALL + ")");
            }
            pause();
        }
        throw new MotoUnavailableException("moto_server did not start listening within " + START_TIMEOUT.toSeconds()
                + " s; its log: " + lastLines(read(log)));
    }

    private void awaitReady(Instant deadline) {
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        String lastError = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                lastError = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MotoUnavailableException("interrupted while waiting for moto at " + endpoint, e);
            }
            pause();
        }
        throw new MotoUnavailableException(
                "the emulator at " + endpoint + " did not answer /moto-api/ in time (" + lastError + ")");
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String lastLines(String output) {
        List<String> lines = output.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted while waiting for moto", e);
        }
    }
}
