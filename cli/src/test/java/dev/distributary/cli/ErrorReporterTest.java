package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorReporterTest {

    @Test
    void unexpectedException_isABug_exitSeventy_withHowToReportIt_andNoStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Distributary(Terminal.none())).setErr(new PrintWriter(err, true));

        int code = new ErrorReporter(false)
                .handleExecutionException(new IllegalStateException("no such state"), command, null);

        assertThat(code).isEqualTo(Distributary.INTERNAL_ERROR).isEqualTo(70);
        assertThat(err.toString().lines())
                .containsExactly(
                        "distributary: internal error: java.lang.IllegalStateException: no such state",
                        "This is a bug in distributary, not a problem with your input; please report it with the command you ran and the stack trace "
                                + "that DISTRIBUTARY_DEBUG=1 adds.");
    }

    @Test
    void unexpectedException_withDebug_addsTheStackTrace() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Distributary(Terminal.none())).setErr(new PrintWriter(err, true));

        new ErrorReporter(true).handleExecutionException(new IllegalStateException("no such state"), command, null);

        assertThat(err.toString())
                .contains("and this stack trace:")
                .contains("\tat dev.distributary.cli.ErrorReporterTest");
    }

    @Test
    void userError_keepsItsExitCode_withOneLine() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Distributary(Terminal.none())).setErr(new PrintWriter(err, true));

        int code = new ErrorReporter(false)
                .handleExecutionException(
                        new UserException("3 messages could not be moved", Distributary.CHECK_FAILED), command, null);

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("distributary: 3 messages could not be moved");
    }
}
