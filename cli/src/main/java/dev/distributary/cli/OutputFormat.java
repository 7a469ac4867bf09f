package dev.distributary.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --format text|json} option of every command that prints something a program may read.
 * {@code json} writes JSON, and only JSON, on standard output: one document, or one document per
 * line for the commands that print a stream of records (consume, quarantine). Progress and
 * messages go to standard error.
 */
public final class OutputFormat {
    /** The formats; lower case because they are what the user types. */
    public enum Format {
        text,
        json
    }

    private static final ObjectMapper DOCUMENT = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper LINE = new ObjectMapper();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text (for people; the default) or json (for programs: JSON only, on standard output).")
    Format format = Format.text;

    public boolean json() {
        return format == Format.json;
    }

    /** Writes one JSON document, indented. */
    public static void document(PrintWriter out, Object value) {
        out.println(write(DOCUMENT, value));
        out.flush();
    }

    /** Writes one JSON value on one line (JSON Lines). */
    public static void line(PrintWriter out, Object value) {
        out.println(write(LINE, value));
        out.flush();
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
