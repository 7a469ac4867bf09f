package dev.distributary.chaos.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many faults a function may still suffer, shared by all its instances (each a JVM, each
 * restarted after a fault): a count in a file, taken under a file lock. Unlimited without a file.
 */
interface FaultBudget {

    /** Takes one fault from the budget; false when it is spent. */
    boolean take();

    FaultBudget UNLIMITED = () -> true;

    /** At most {@code max} faults, counted in {@code file}. */
    static FaultBudget inFile(Path file, int max) {
        return () -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (FileChannel channel = FileChannel.open(
                                file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    ByteBuffer buffer = ByteBuffer.allocate(32);
                    channel.read(buffer, 0);
                    String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
                    int spent = text.isEmpty() ? 0 : Integer.parseInt(text);
                    if (spent >= max) {
                        return false;
                    }
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(Integer.toString(spent + 1).getBytes(StandardCharsets.UTF_8)), 0);
                    channel.force(true);
                    return true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use the chaos agent's fault budget " + file, e);
            }
        };
    }
}
