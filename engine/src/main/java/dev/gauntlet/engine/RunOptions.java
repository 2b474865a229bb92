package dev.gauntlet.engine;

import dev.gauntlet.reports.Baseline;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * How to run a scenario. Immutable and thread-safe; start from {@link #defaults()} and change what differs:
 * <pre>{@code
 * RunResult result = Gauntlet.run(Path.of("scenarios/smoke.yaml"),
 *     RunOptions.defaults().out(Path.of("target/smoke")).set("target.mode=naive").listener(myListener));
 * }</pre>
 *
 * @param out       the run directory, new or empty; null for {@code runs/<UTC time>-<scenario>}
 * @param overrides {@code PATH=VALUE} overrides applied to the scenario, as {@code --set} takes them
 * @param baseline  the baseline runs that relative SLOs ({@code max_drop}, {@code max_increase}) are judged against;
 *                  null leaves those SLOs unresolved
 * @param listener  hears the run as it happens
 * @param console   where the lines {@code gauntlet run} prints go (its first line, progress, the verdict table);
 *                  null for none
 * @param live      whether progress rewrites one line in place (a terminal) rather than printing periodic lines
 */
public record RunOptions(
    Path out,
    List<String> overrides,
    Baseline baseline,
    RunListener listener,
    PrintStream console,
    boolean live) {

  public RunOptions {
    overrides = List.copyOf(overrides);
    listener = listener == null ? RunListener.NONE : listener;
  }

  /** A fresh run directory under {@code runs/}, no overrides, no baseline, no listener, nothing printed. */
  public static RunOptions defaults() {
    return new RunOptions(null, List.of(), null, RunListener.NONE, null, false);
  }

  public RunOptions out(Path dir) {
    return new RunOptions(dir, overrides, baseline, listener, console, live);
  }

  /** These options with {@code more} overrides after the ones already set (a later one wins). */
  public RunOptions set(String... more) {
    List<String> all = new java.util.ArrayList<>(overrides);
    all.addAll(List.of(more));
    return new RunOptions(out, all, baseline, listener, console, live);
  }

  public RunOptions baseline(Baseline runs) {
    return new RunOptions(out, overrides, runs, listener, console, live);
  }

  public RunOptions listener(RunListener value) {
    return new RunOptions(out, overrides, baseline, value, console, live);
  }

  /**
   * Prints what {@code gauntlet run} prints to {@code stream}, progress on one line rewritten in place when this
   * process writes to a terminal a person watches (a console, not CI, not a dumb terminal).
   */
  public RunOptions console(PrintStream stream) {
    return console(
        stream,
        System.console() != null
            && System.getenv("CI") == null
            && !"dumb".equals(System.getenv("TERM")));
  }

  /** Prints what {@code gauntlet run} prints to {@code stream}; {@code liveLine} as {@link #live} above. */
  public RunOptions console(PrintStream stream, boolean liveLine) {
    return new RunOptions(out, overrides, baseline, listener, stream, liveLine);
  }
}
