package dev.distributary.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a local run's logs and runtime files go: the directory the user named with
 * {@code --work-dir}, which is kept, or a new temporary one, which {@link #close()} removes
 * whichever way the run ends.
 */
final class WorkDirectory implements AutoCloseable {
    private final Path path;
    private final boolean temporary;
    private final AtomicBoolean removed = new AtomicBoolean();

    private WorkDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    /** The user's directory, created when missing; or, when {@code chosen} is null, a new temporary one. */
    static WorkDirectory of(Path chosen) {
        try {
            return chosen != null
                    ? new WorkDirectory(Files.createDirectories(chosen), false)
                    : new WorkDirectory(
                            Files.createTempDirectory("distributary-"
                                    + LocalDateTime.now(ZoneId.systemDefault())
                                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                                    + "-"),
                            true);
        } catch (IOException e) {
            throw new UserException("cannot create the work directory "
                    + (chosen == null ? "in the temporary directory" : chosen) + ": " + e);
        }
    }

    Path path() {
        return path;
    }

    boolean temporary() {
        return temporary;
    }

    /** For the "logs:" line: where they are, and whether they outlive the run. */
    String describe(String child) {
        return path.resolve(child) + (temporary ? " (removed when the run ends; --work-dir DIR keeps them)" : "");
    }

    /** Removes a temporary directory with everything in it; the user's directory stays. */
    @Override
    public void close() {
        if (!temporary || !removed.compareAndSet(false, true) || !Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary work directory " + path, e);
        }
    }
}
