package dev.distributary.local.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the local host keeps its class-data-sharing archives: one per function JVM (this JDK, the
 * function's class path, its {@code JAVA_TOOL_OPTIONS}), holding the classes such a JVM loaded
 * while it initialised and served (a dynamic AppCDS archive), so that later JVMs map them instead
 * of reading, parsing and verifying them again. Nothing is downloaded: the first instance of a
 * function with no archive trains one ({@code -XX:ArchiveClassesAtExit}), which is written when that
 * instance is stopped; the archive is checked with {@code -Xshare:on} before it is put in place, and
 * replaces the archives of earlier builds of the same jars. A stale or missing archive only means a
 * start without it: the file name carries the jars' sizes and modification times, and the JVM itself
 * refuses an archive whose class path changed. Used only where the JVM can train one: every class-path
 * entry a jar file, and the JDK's own base archive present.
 */
public final class ClassDataArchives {
    static final String SUFFIX = ".jsa";
    /** A training marker older than this is left over from a host that died: another instance may train. */
    static final Duration TRAINING_MARKER_LIFETIME = Duration.ofMinutes(10);

    private final Optional<Path> directory;

    private ClassDataArchives(Optional<Path> directory) {
        this.directory = directory;
    }

    /** Archives kept in {@code directory} (created when the first archive is written). */
    public static ClassDataArchives in(Path directory) {
        return new ClassDataArchives(Optional.of(directory.toAbsolutePath()));
    }

    /** No archive: every JVM starts with the JDK's own class data only. */
    public static ClassDataArchives disabled() {
        return new ClassDataArchives(Optional.empty());
    }

    /** The user's cache: {@code $XDG_CACHE_HOME/distributary/class-data}, else {@code ~/.cache/distributary/class-data}. */
    public static ClassDataArchives userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return in(cache.resolve("distributary").resolve("class-data"));
    }

    /** The archive in place for a JVM with this class path and these options, if any. */
    public Optional<Path> existing(List<Path> classPath, String javaToolOptions) {
        return directory
                .map(dir -> dir.resolve(fileName(classPath, javaToolOptions) + SUFFIX))
                .filter(Files::isRegularFile);
    }

    /** How the next JVM of this class path and these options starts: with the archive, training it, or without. */
    ClassDataLaunch launch(List<Path> classPath, String javaToolOptions) {
        if (directory.isEmpty()) {
            return new ClassDataLaunch.Plain("class-data archives are disabled");
        }
        Optional<Path> archive = existing(classPath, javaToolOptions);
        if (archive.isPresent()) {
            return new ClassDataLaunch.Shared(archive.get());
        }
        Optional<String> unfit = unfit(classPath, javaToolOptions);
        if (unfit.isPresent()) {
            return new ClassDataLaunch.Plain(unfit.get());
        }
        Path dir = directory.get();
        String name = fileName(classPath, javaToolOptions);
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(name + ".training");
            if (!claim(marker)) {
                return new ClassDataLaunch.Plain("another instance is training the archive");
            }
            return new ClassDataLaunch.Training(
                    dir.resolve(name + ".partial-" + ProcessHandle.current().pid() + SUFFIX),
                    dir.resolve(name + SUFFIX),
                    marker,
                    classPath,
                    javaToolOptions);
        } catch (IOException e) {
            return new ClassDataLaunch.Plain("the archive directory " + dir + " is not writable: " + e.getMessage());
        }
    }

    /** Why a JVM with this class path and these options cannot train an archive, if it cannot. */
    static Optional<String> unfit(List<Path> classPath, String javaToolOptions) {
        for (Path entry : classPath) {
            if (!Files.isRegularFile(entry)) {
                // the JVM refuses to start when asked to archive with a non-empty directory on its class path
                return Optional.of("the class path entry " + entry + " is not a jar file");
            }
        }
        if (javaToolOptions.contains("Xshare")
                || javaToolOptions.contains("SharedArchiveFile")
                || javaToolOptions.contains("ArchiveClassesAtExit")) {
            return Optional.of("JAVA_TOOL_OPTIONS chooses its own class-data sharing");
        }
        Path base = Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa");
        if (!Files.isRegularFile(base)) {
            // without the JDK's base archive a JVM asked to archive does not start
            return Optional.of("this JDK has no base class-data archive (" + base + ")");
        }
        return Optional.empty();
    }

    /** Takes the training marker, unless a live one exists. */
    private static boolean claim(Path marker) throws IOException {
        try {
            Files.createFile(marker);
            return true;
        } catch (FileAlreadyExistsException e) {
            Instant cutoff = Instant.now().minus(TRAINING_MARKER_LIFETIME);
            try {
                if (Files.getLastModifiedTime(marker).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(marker);
                    return claim(marker);
                }
            } catch (IOException gone) {
                return claim(marker);
            }
            return false;
        }
    }

    /**
     * {@code KEY-VERSION}: the key names the JDK, the class path and the options; the version the
     * jars' sizes and modification times, so that a rebuilt jar gets a new archive.
     */
    static String fileName(List<Path> classPath, String javaToolOptions) {
        StringBuilder key = new StringBuilder()
                .append(System.getProperty("java.home"))
                .append('\n')
                .append(System.getProperty("java.vm.version"))
                .append('\n')
                .append(javaToolOptions);
        StringBuilder version = new StringBuilder();
        for (Path entry : classPath) {
            Path absolute = entry.toAbsolutePath();
            key.append('\n').append(absolute);
            try {
                version.append(Files.size(absolute))
                        .append(':')
                        .append(Files.getLastModifiedTime(absolute).toMillis())
                        .append('\n');
            } catch (IOException e) {
                version.append("missing\n");
            }
        }
        return digest(key) + "-" + digest(version);
    }

    /** Deletes the archives of earlier versions of the same key (a JVM that mapped one keeps its mapping). */
    static void removeOlderVersions(Path archive) {
        String name = archive.getFileName().toString();
        Pattern sameKey = Pattern.compile(
                Pattern.quote(name.substring(0, name.indexOf('-') + 1)) + "[0-9a-f]{16}" + Pattern.quote(SUFFIX));
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path file : files.toList()) {
                String other = file.getFileName().toString();
                if (!other.equals(name) && sameKey.matcher(other).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // only a cache: another host may be replacing the same files
        }
    }

    private static String digest(CharSequence text) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
