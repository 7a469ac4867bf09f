package dev.distributary.topology;

/**
 * One thing wrong with a platform file.
 *
 * @param file    the file, as the user named it
 * @param path    where in the file, for example {@code tables[1].zone}; empty for the file as a whole
 * @param message what is wrong and what is allowed
 */
public record Problem(String file, String path, String message) {
    @Override
    public String toString() {
        return path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message;
    }
}
