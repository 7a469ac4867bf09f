package dev.distributary.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code distributary completion bash|zsh}: the shell completion script picocli generates for every command, option and value. */
@Command(
        name = "completion",
        header = "Print the bash or zsh completion script.",
        description = {
            "Completes every command, option and fixed value. Load it in the current shell with:",
            "  source <(./distributary completion bash)      (or zsh)",
            "and add that line to ~/.bashrc or ~/.zshrc to keep it. It completes both ./distributary and distributary (the launcher on the PATH)."
        })
final class CompletionCommand implements Callable<Integer> {
    /** The shells picocli's script supports; zsh runs it through its bash compatibility (bashcompinit), which the script loads. */
    enum Shell {
        bash,
        zsh
    }

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String name = spec.root().name();
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(name, spec.root().commandLine()));
        out.println();
        out.println("# The launcher in the repository, run as ./" + name + ":");
        out.println("complete -F _complete_" + name + " -o default ./" + name);
        out.flush();
        return Distributary.OK;
    }
}
