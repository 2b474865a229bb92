package dev.gauntlet.cli;

import dev.gauntlet.engine.Gauntlet;
import dev.gauntlet.engine.RunInputs;
import dev.gauntlet.scenario.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code gauntlet serve SCENARIO}: only the fault plane, for game days. An agent running anywhere on the machine
 * is pointed at the printed endpoints; faults are switched by hand through the admin API, or by the scenario's
 * schedule once it is started. Serves until Ctrl-C or {@code --duration}.
 */
@Command(
    name = "serve",
    description =
        "Start only the fault plane of a scenario (provider and tool mocks, admin "
            + "API on loopback) and print its endpoints, for an agent you run yourself; serve until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "SCENARIO",
      description = "Scenario file, e.g. scenarios/provider-outage.yaml.")
  Path scenario;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a value, e.g. fault_plane.admin_port=9012.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Run directory (default runs/<UTC time>-<scenario>-serve).")
  Path out;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Stop after this long, e.g. 30m (default: until Ctrl-C).")
  Duration duration;

  @Option(
      names = "--start-schedule",
      description =
          "Start the scenario's fault schedule at once "
              + "(default: when POST /schedule/start is called).")
  boolean startSchedule;

  @Override
  public Integer call() {
    return Gauntlet.serve(
        RunInputs.load(scenario, overrides), out, duration, startSchedule, System.out);
  }

  /** Durations as scenarios write them: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      Duration d = Durations.parse(text).orElse(null);
      if (d == null || d.isZero()) {
        throw new TypeConversionException(
            "must be a duration such as 500ms, 30s, 2m or 1h, but was '" + text + "'");
      }
      return d;
    }
  }
}
