package dev.distributary.local.function;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * How one function JVM uses class-data sharing ({@link ClassDataArchives}): with an archive, training
 * one, or without (and why), and how it is stopped.
 */
sealed interface ClassDataLaunch {
    /** How long a training JVM may take to write its archive once asked to stop. */
    Duration DUMP_LIMIT = Duration.ofSeconds(60);

    /** The JVM options that go with it. */
    List<String> jvmOptions();

    /**
     * Stops the instance's JVM when it is no longer wanted: killed, except a training one, which is
     * asked to stop (SIGTERM) so that it writes its archive; the archive is then checked and put in
     * place.
     *
     * @param launcher the java binary and the options the instance started with, for the check
     */
    void stop(Process process, List<String> launcher);

    /** Kills the instance's JVM at once (a deadline passed); a training one leaves no archive. */
    void kill(Process process);

    /** Starts with the archive. */
    record Shared(Path archive) implements ClassDataLaunch {
        public Shared {
            Objects.requireNonNull(archive, "archive");
        }

        @Override
        public List<String> jvmOptions() {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }

        @Override
        public void stop(Process process, List<String> launcher) {
            destroy(process);
        }

        @Override
        public void kill(Process process) {
            destroy(process);
        }
    }

    /** Starts with the JDK's own class data only. */
    record Plain(String reason) implements ClassDataLaunch {
        public Plain {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<String> jvmOptions() {
            return List.of();
        }

        @Override
        public void stop(Process process, List<String> launcher) {
            destroy(process);
        }

        @Override
        public void kill(Process process) {
            destroy(process);
        }
    }

    /**
     * Records the classes it loads into {@code partial} when it exits; {@code archive} is where the
     * checked archive goes; {@code marker} tells other hosts that an archive is being trained.
     */
    record Training(Path partial, Path archive, Path marker, List<Path> classPath, String javaToolOptions)
            implements ClassDataLaunch {
        public Training {
            Objects.requireNonNull(partial, "partial");
            Objects.requireNonNull(archive, "archive");
            Objects.requireNonNull(marker, "marker");
            classPath = List.copyOf(classPath);
            Objects.requireNonNull(javaToolOptions, "javaToolOptions");
        }

        @Override
        public List<String> jvmOptions() {
            return List.of("-XX:ArchiveClassesAtExit=" + partial);
        }

        @Override
        public void stop(Process process, List<String> launcher) {
            try {
                process.destroy();
                boolean exited = process.waitFor(DUMP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                if (!exited) {
                    destroy(process);
                } else if (Files.isRegularFile(partial) && Files.size(partial) > 0 && usable(launcher)) {
                    move(partial, archive);
                    ClassDataArchives.removeOlderVersions(archive);
                }
            } catch (IOException e) {
                // only a cache: the next instance trains again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destroy(process);
            } finally {
                deleteQuietly(partial);
                deleteQuietly(marker);
            }
        }

        @Override
        public void kill(Process process) {
            destroy(process);
            deleteQuietly(partial);
            deleteQuietly(marker);
        }

        /**
         * Whether a JVM started as the instance was, with {@code -Xshare:on}, maps the archive: a
         * JVM given a truncated archive may crash, one that does not match refuses to start.
         */
        private boolean usable(List<String> launcher) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            for (String option : launcher) {
                command.add(option.startsWith("-Xshare") ? "-Xshare:on" : option);
            }
            Path errorFile = partial.resolveSibling(partial.getFileName() + ".error.log");
            command.addAll(List.of(
                    "-XX:SharedArchiveFile=" + partial,
                    "-XX:ErrorFile=" + errorFile,
                    "-cp",
                    classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                    "-version"));
            ProcessBuilder check = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            check.environment().clear();
            if (!javaToolOptions.isBlank()) {
                check.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions);
            }
            Process checking = check.start();
            try {
                if (!checking.waitFor(DUMP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    destroy(checking);
                    return false;
                }
                return checking.exitValue() == 0;
            } finally {
                deleteQuietly(errorFile);
            }
        }

        private static void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // a half-written archive may crash the JVM that maps it: never copy in place
            }
        }
    }

    private static void destroy(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // only a cache
        }
    }
}
