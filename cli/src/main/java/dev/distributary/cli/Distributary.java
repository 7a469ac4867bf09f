package dev.distributary.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code distributary} command. Exit codes: 0 success, 1 a check failed (the demo or a chaos
 * scenario found a problem), 2 bad input or configuration, 70 an internal error (a bug).
 * Every command and subcommand inherits {@code -h/--help} and {@code -V/--version}.
 */
@Command(
        name = "distributary",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Distributary.Version.class,
        header = "Multi-region event platform on DynamoDB global tables.",
        description =
                "Validate and plan a platform.yaml, run the whole platform on this machine, read its queues, price it.",
        footer = {
            "",
            "Exit codes: 0 success, 1 a check failed, 2 bad input or configuration, 70 an internal error (a bug: please report it).",
            "Run 'distributary help COMMAND...' or 'distributary COMMAND --help' for a command's options."
        },
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            SynthCommand.class,
            DemoCommand.class,
            ChaosCommand.class,
            LocalCommand.class,
            ConsumeCommand.class,
            QuarantineCommand.class,
            RedriveCommand.class,
            CostCommand.class,
            CompletionCommand.class,
            HelpCommand.class
        })
public final class Distributary implements Callable<Integer> {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;
    /** An unexpected exception: a bug, never the user's input (EX_SOFTWARE of sysexits.h). */
    public static final int INTERNAL_ERROR = 70;

    private final Terminal terminal;

    @Spec
    CommandSpec spec;

    Distributary(Terminal terminal) {
        this.terminal = terminal;
    }

    @SuppressWarnings(
            "SystemConsoleNull") // built for Java 17, where console() is null off a terminal; Console.isTerminal() is
    // Java 22
    public static void main(String[] args) {
        Terminal terminal = Terminal.of(System.console() != null, System.getenv());
        boolean debug = System.getenv("DISTRIBUTARY_DEBUG") != null;
        System.exit(run(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()),
                terminal,
                debug,
                args));
    }

    /** Runs the command with the given streams, not on a terminal; for tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, Terminal.none(), false, args);
    }

    /** Runs the command; {@code debug} adds the stack trace to an internal error's report. */
    static int run(PrintWriter out, PrintWriter err, Terminal terminal, boolean debug, String... args) {
        CommandLine commandLine = new CommandLine(new Distributary(terminal))
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(ErrorReporter::badArguments)
                .setExecutionExceptionHandler(new ErrorReporter(debug));
        commandLine.setColorScheme(Help.defaultColorScheme(terminal.colour() ? Help.Ansi.ON : Help.Ansi.OFF));
        return commandLine.execute(args);
    }

    /** {@code distributary} alone: the list of commands, on standard error, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BAD_INPUT;
    }

    /** The terminal of the run a command belongs to. */
    static Terminal terminal(CommandSpec spec) {
        return ((Distributary) spec.root().userObject()).terminal;
    }

    /** The project's version, from the build. */
    static String version() {
        Properties properties = new Properties();
        try (InputStream in = Distributary.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the CLI's class path; rebuild it");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "distributary " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
            };
        }
    }
}
