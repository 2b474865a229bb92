package dev.gauntlet.cli;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.scenario.InvalidInputException;
import dev.gauntlet.scenario.Problem;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code gauntlet} command. Exit codes, for CI to branch on: 0 every SLO passed; 1 invalid input; 2 an SLO
 * failed; 3 unresolved; 4 the target never became ready or the harness failed.
 */
@Command(
    name = "gauntlet",
    mixinStandardHelpOptions = true,
    version = "gauntlet 0.1.0",
    description = "Chaos and load testing for AI-agent deployments.",
    subcommands = {
      RunCommand.class,
      ServeCommand.class,
      ValidateCommand.class,
      ReportCommand.class,
      InjectCommand.class,
      DiffCommand.class
    },
    exitCodeOnInvalidInput = ExitCodes.INVALID_INPUT,
    exitCodeOnExecutionException = ExitCodes.HARNESS_FAILED)
public final class GauntletCommand {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs one command line and returns its exit code, without exiting (tests call this). */
  public static int execute(String... args) {
    CommandLine line = new CommandLine(new GauntletCommand());
    line.setExecutionExceptionHandler((e, cmd, parsed) -> report(e, cmd.getErr()));
    for (CommandLine sub : line.getSubcommands().values()) {
      // The annotation's exit codes apply to the top command only; every subcommand follows
      // design.md too.
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.INVALID_INPUT);
      sub.getCommandSpec().exitCodeOnExecutionException(ExitCodes.HARNESS_FAILED);
    }
    return line.execute(args);
  }

  private static int report(Exception e, PrintWriter err) {
    if (e instanceof InvalidInputException invalid) {
      for (Problem problem : invalid.problems()) {
        err.println(problem);
      }
      err.println(
          invalid.problems().size()
              + (invalid.problems().size() == 1 ? " problem" : " problems")
              + " found; nothing was run.");
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    err.println(
        "gauntlet: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      err.println("  because: " + cause.getMessage());
    }
    if (System.getenv("GAUNTLET_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("  (set GAUNTLET_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return ExitCodes.HARNESS_FAILED;
  }
}
