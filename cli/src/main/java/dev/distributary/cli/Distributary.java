package dev.distributary.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code distributary} command. Exit codes: 0 success, 1 a check failed, 2 bad input or configuration. */
@Command(name = "distributary",
        mixinStandardHelpOptions = true,
        versionProvider = Distributary.Version.class,
        description = "Multi-region event platform on DynamoDB global tables.",
        subcommands = {ValidateCommand.class, PlanCommand.class, SynthCommand.class, DemoCommand.class, ChaosCommand.class, LocalCommand.class,
                ConsumeCommand.class, RedriveCommand.class, CostCommand.class,
                CommandLine.HelpCommand.class})
public final class Distributary {

    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with the given streams; for tests and for {@link #main}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Distributary())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Distributary.class.getPackage().getImplementationVersion();
            return new String[] {"distributary " + (version == null ? "development build" : version)};
        }
    }
}
