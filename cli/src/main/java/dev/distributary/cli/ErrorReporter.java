package dev.distributary.cli;

import dev.distributary.fanout.FanoutConfigException;
import dev.distributary.topology.Problem;
import dev.distributary.topology.TopologyException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Turns what went wrong into lines for the user and an exit code. Bad arguments and bad input are
 * one line each (exit 2); a check that failed keeps its own code; anything else is a bug in the
 * CLI: exit 70 with a request to report it, the stack trace only with {@code DISTRIBUTARY_DEBUG}.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private static final String REPORT =
            "This is a bug in distributary, not a problem with your input; please report it with the command you ran";

    private final boolean debug;

    ErrorReporter(boolean debug) {
        this.debug = debug;
    }

    /** A command line picocli could not parse (an unknown option, a missing or malformed value): one line, exit 2. */
    static int badArguments(CommandLine.ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        // picocli checks required options before unknown ones; an unknown option (a misspelt required one, often) comes
        // first
        CommandLine.ParameterException e = exception instanceof CommandLine.MissingParameterException
                        && !command.getUnmatchedArguments().isEmpty()
                ? new CommandLine.UnmatchedArgumentException(command, command.getUnmatchedArguments())
                : exception;
        String name = command.getCommandSpec().qualifiedName();
        String message = e.getMessage() == null
                ? "invalid arguments"
                : e.getMessage().lines().findFirst().orElse("").strip();
        String hint = "";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                hint = "; did you mean "
                        + suggestions.stream().limit(3).map(s -> "'" + s + "'").collect(Collectors.joining(" or "))
                        + "?";
            }
        }
        command.getErr().println(name + ": " + message + hint + " (see '" + name + " --help')");
        return Distributary.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof TopologyException invalid) {
            invalid.problems().forEach(err::println);
            Problem first = invalid.problems().get(0);
            int count = invalid.problems().size();
            err.println(
                    count + (count == 1 ? " problem" : " problems") + " in " + first.file() + "; nothing was changed.");
            return Distributary.BAD_INPUT;
        }
        if (e instanceof FanoutConfigException fanout) {
            err.println("distributary: " + fanout.getMessage());
            return Distributary.BAD_INPUT;
        }
        if (e instanceof UserException user) {
            err.println("distributary: " + user.getMessage());
            return user.exitCode();
        }
        err.println("distributary: internal error: " + e);
        err.println(
                REPORT + (debug ? " and this stack trace:" : " and the stack trace that DISTRIBUTARY_DEBUG=1 adds."));
        if (debug) {
            e.printStackTrace(err);
        }
        return Distributary.INTERNAL_ERROR;
    }
}
