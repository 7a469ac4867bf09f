package dev.distributary.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

/** One run of the CLI in this JVM, with what it printed. */
record CliRun(int exitCode, String out, String err) {

    /** A run whose output goes to a pipe, not a terminal, as in most scripts and in CI. */
    static CliRun of(String... args) {
        return on(Terminal.none(), args);
    }

    /** A run on a terminal: a person watching ({@code colour} when NO_COLOR is not set) who types {@code input}. */
    static CliRun onTerminal(boolean colour, String input, String... args) {
        return on(new Terminal(true, colour, new BufferedReader(new StringReader(input))), args);
    }

    private static CliRun on(Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Distributary.run(new PrintWriter(out, true), new PrintWriter(err, true), terminal, false, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The lines written to standard error. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
