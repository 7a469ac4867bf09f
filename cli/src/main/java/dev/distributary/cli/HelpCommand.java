package dev.distributary.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Parameters;

/**
 * {@code distributary help [COMMAND...]}: the usage of the command the path names, subcommands
 * included ({@code help local up} is {@code local up}'s help, not {@code local}'s).
 */
@Command(
        name = "help",
        helpCommand = true,
        header = "Show a command's help, such as: distributary help local up.",
        description =
                "With no command, the list of commands; otherwise the help of the command the words name, subcommands included.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, then its subcommands.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colours;
    private PrintWriter out;

    @Override
    public void init(
            CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colours = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        if (!self.getUnmatchedArguments().isEmpty()) { // picocli does not check a help command's arguments
            throw new CommandLine.UnmatchedArgumentException(self, self.getUnmatchedArguments());
        }
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                List<String> known = List.copyOf(target.getSubcommands().keySet());
                throw new CommandLine.ParameterException(
                        self,
                        known.isEmpty()
                                ? "'" + target.getCommandSpec().qualifiedName() + "' has no subcommand '" + name + "'"
                                : "unknown command '" + name + "'; the commands of '"
                                        + target.getCommandSpec().qualifiedName() + "' are "
                                        + String.join(", ", known));
            }
            target = next;
        }
        target.usage(out, colours);
    }
}
