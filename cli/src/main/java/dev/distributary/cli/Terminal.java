package dev.distributary.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;

/**
 * What the CLI's streams are connected to, decided once at the edge: progress bars only when a
 * person is watching, colour only then and never with {@code NO_COLOR}, and where a confirmation is
 * read from.
 *
 * @param interactive standard input and output are a terminal that can redraw a line ({@code TERM} is not {@code dumb})
 * @param colour      colour may be written: interactive and {@code NO_COLOR} unset or empty
 * @param input       standard input, for confirmations
 */
public record Terminal(boolean interactive, boolean colour, BufferedReader input) {

    public Terminal {
        Objects.requireNonNull(input, "input");
        if (colour && !interactive) {
            throw new IllegalArgumentException("colour is only ever written to a terminal");
        }
    }

    /** The process's own terminal, from whether the JVM has a console and from the environment. */
    static Terminal of(boolean console, Map<String, String> environment) {
        boolean interactive = console && !"dumb".equals(environment.get("TERM"));
        String noColour = environment.get("NO_COLOR");
        return new Terminal(
                interactive,
                interactive && (noColour == null || noColour.isEmpty()),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
    }

    /** Not a terminal (output to a pipe or a file, a test), with nothing to read. */
    static Terminal none() {
        return new Terminal(false, false, new BufferedReader(new StringReader("")));
    }
}
