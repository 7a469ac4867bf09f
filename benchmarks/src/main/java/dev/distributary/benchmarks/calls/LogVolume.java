package dev.distributary.benchmarks.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the functions of a local run wrote to their logs, as CloudWatch Logs would ingest it: each
 * JSON line is one log event of its UTF-8 bytes plus CloudWatch's 26 bytes of per-event overhead.
 * Lines that are not JSON are the local host's, not the function's (SLF4J's note that the local
 * class path, which carries the benchmarks' jar beside the function's, holds two bindings) and are
 * not counted. Lambda's own START, END and REPORT lines are not in the local logs (the cost model
 * adds them per invocation).
 */
final class LogVolume {
    /** CloudWatch Logs counts each event's message bytes plus 26 bytes. */
    static final int EVENT_OVERHEAD_BYTES = 26;

    private LogVolume() {}

    /** The bytes CloudWatch Logs would ingest for every function log in the directory. */
    static long ingestedBytes(Path logDirectory) {
        if (!Files.isDirectory(logDirectory)) {
            return 0;
        }
        long bytes = 0;
        try (Stream<Path> files = Files.list(logDirectory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
                    bytes += lines.filter(line -> line.startsWith("{"))
                            .mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length + EVENT_OVERHEAD_BYTES)
                            .sum();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function logs in " + logDirectory, e);
        }
        return bytes;
    }
}
