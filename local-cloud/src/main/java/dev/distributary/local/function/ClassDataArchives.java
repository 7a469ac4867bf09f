package dev.distributary.local.function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
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
 * entry a jar file, and the JDK's own base archive present. An archive no JVM started with for
 * {@link #UNUSED_ARCHIVE_LIFETIME} is deleted when another one is trained.
 */
public final class ClassDataArchives {
    static final String SUFFIX = ".jsa";
    private static final Pattern ARCHIVE_NAME = Pattern.compile("[0-9a-f]{16}-[0-9a-f]{16}\\.jsa");
    /** A training marker older than this is left over from a host that died: another instance may train. */
    static final Duration TRAINING_MARKER_LIFETIME = Duration.ofMinutes(10);
    /** An archive no JVM has started with for this long (a removed checkout's, say) is deleted when another is trained. */
    static final Duration UNUSED_ARCHIVE_LIFETIME = Duration.ofDays(30);

    private final Optional<Path> directory;
    private final Clock clock;

    private ClassDataArchives(Optional<Path> directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Archives kept in {@code directory} (created when the first archive is written). */
    public static ClassDataArchives in(Path directory) {
        return in(directory, Clock.systemUTC());
    }

    /** As {@link #in(Path)}, judging the age of training markers by {@code clock}. */
    static ClassDataArchives in(Path directory, Clock clock) {
        return new ClassDataArchives(Optional.of(directory.toAbsolutePath()), clock);
    }

    /** No archive: every JVM starts with the JDK's own class data only. */
    public static ClassDataArchives disabled() {
        return new ClassDataArchives(Optional.empty(), Clock.systemUTC());
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
            markUsed(archive.get());
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
            removeUnused(dir);
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

    /**
     * Takes the training marker, unless a live one exists: the marker holds the time it was taken
     * (this host's clock, as every host reads it), and one older than {@link
     * #TRAINING_MARKER_LIFETIME} was left by a host that died, whose partial archives are deleted.
     */
    private boolean claim(Path marker) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(marker, Long.toString(clock.millis()), StandardOpenOption.CREATE_NEW);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (!stale(marker)) {
                    return false;
                }
                String name = marker.getFileName().toString();
                deleteAll(marker.getParent(), name.substring(0, name.length() - ".training".length()) + ".partial-");
                Files.deleteIfExists(marker);
            }
        }
        return false;
    }

    private boolean stale(Path marker) {
        try {
            Instant taken =
                    Instant.ofEpochMilli(Long.parseLong(Files.readString(marker).strip()));
            return taken.isBefore(clock.instant().minus(TRAINING_MARKER_LIFETIME));
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException | NumberFormatException e) {
            // being written, or not ours: judged by its age on disk instead
            try {
                return Files.getLastModifiedTime(marker)
                        .toInstant()
                        .isBefore(clock.instant().minus(TRAINING_MARKER_LIFETIME));
            } catch (IOException gone) {
                return true;
            }
        }
    }

    /** An archive's modification time says when a JVM last started with it. */
    private void markUsed(Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(clock.instant()));
        } catch (IOException e) {
            // only a cache: at worst it is deleted as unused and trained again
        }
    }

    private void removeUnused(Path directory) {
        Instant cutoff = clock.instant().minus(UNUSED_ARCHIVE_LIFETIME);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (ARCHIVE_NAME.matcher(file.getFileName().toString()).matches()
                        && Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // only a cache
        }
    }

    private static void deleteAll(Path directory, String prefix) {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith(prefix)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // only a cache
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

    /**
     * Deletes what earlier versions of the same key left: their archives, and their training
     * markers and partial archives (a host still training one would only fail to put it in place).
     * A JVM that mapped a deleted archive keeps its mapping.
     */
    static void removeOlderVersions(Path archive) {
        String name = archive.getFileName().toString();
        String version = name.substring(0, name.length() - SUFFIX.length());
        String key = version.substring(0, version.indexOf('-') + 1);
        try (Stream<Path> files = Files.list(archive.getParent())) {
            for (Path file : files.toList()) {
                String other = file.getFileName().toString();
                if (other.startsWith(key) && !other.startsWith(version)) {
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
