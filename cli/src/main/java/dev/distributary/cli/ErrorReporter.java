package dev.distributary.cli;

import dev.distributary.fanout.FanoutConfigException;
import dev.distributary.topology.Problem;
import dev.distributary.topology.TopologyException;
import picocli.CommandLine;

/**
 * Turns exceptions into a few lines for the user and an exit code; never a stack trace, unless
 * {@code DISTRIBUTARY_DEBUG} is set.
 */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof TopologyException invalid) {
            invalid.problems().forEach(problem -> err.println(problem));
            Problem first = invalid.problems().get(0);
            int count = invalid.problems().size();
            err.println(count + (count == 1 ? " problem" : " problems") + " in " + first.file() + "; nothing was changed.");
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
        err.println("distributary: unexpected error: " + e);
        if (System.getenv("DISTRIBUTARY_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("Set DISTRIBUTARY_DEBUG=1 to see the stack trace, and please report it.");
        }
        return Distributary.CHECK_FAILED;
    }
}
