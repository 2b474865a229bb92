package dev.gauntlet.engine.internal;

import dev.gauntlet.dataset.PriceHints;
import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.engine.RunInputs;
import dev.gauntlet.engine.internal.targets.ManagedRedis;
import dev.gauntlet.faults.FaultPlane;
import dev.gauntlet.faults.network.ToxiproxyServer;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code gauntlet serve}: the fault plane alone, announced, kept up until {@code --duration} elapses or the JVM
 * is stopped (Ctrl-C, SIGTERM). Either way the plane is closed once, switching every fault still on off with a
 * timeline line.
 */
public final class ServeSession {

  private final RunInputs inputs;
  private final Scenario scenario;
  private final RunDirectory run;
  private final PrintStream out;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();

  public ServeSession(RunInputs inputs, RunDirectory run, PrintStream out) {
    this.inputs = inputs;
    this.scenario = inputs.scenario();
    this.run = run;
    this.out = out;
  }

  /** Serves for {@code duration} (null: until the JVM is stopped); returns the exit code. */
  public int serve(Duration duration, boolean startSchedule) {
    write(run);
    out.printf(
        "gauntlet serve: %s (seed %d) -> %s%n", scenario.name(), scenario.seed(), run.root());
    PriceHints.notes(scenario, inputs.dataset())
        .forEach(note -> out.println("gauntlet serve: " + note));
    try (ManagedRedis redis =
            scenario.target().redis() ? ManagedRedis.start(run.root().resolve("redis.log")) : null;
        FaultPlane plane =
            FaultPlane.start(
                scenario,
                inputs.dataset(),
                run,
                Clock.systemUTC(),
                new FaultPlane.Options(
                    ScenarioRun.upstreams(redis), true, ToxiproxyServer.DEFAULT_PORT))) {
      Thread hook = new Thread(() -> stop(plane, "stopped"), "gauntlet-serve-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      Endpoints.print(out, scenario, plane, ScenarioRun.upstreams(redis));
      if (startSchedule) {
        plane.startTimeline();
        out.println("schedule started: faults switch on and off at their windows from now");
      }
      out.println(
          duration == null
              ? "serving until Ctrl-C"
              : "serving for " + duration.toSeconds() + " s (until Ctrl-C at most)");
      out.flush();
      awaitStop(duration);
      removeHook(hook);
      stop(plane, "done");
    }
    return ExitCodes.PASSED;
  }

  private void awaitStop(Duration duration) {
    try {
      if (duration == null) {
        stopped.await();
      } else {
        stopped.await(duration.toNanos(), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the plane (faults off, timeline lines written); from the shutdown hook or at the end of the duration. */
  private void stop(FaultPlane plane, String how) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    plane.close();
    stopped.countDown();
    out.printf("gauntlet serve: %s; every fault is off; timeline: %s%n", how, run.timeline());
    PacingLine.of(plane.streamPacing()).ifPresent(line -> out.println("gauntlet serve: " + line));
    out.flush();
  }

  private void write(RunDirectory run) {
    try {
      Files.writeString(run.scenario(), inputs.resolvedYaml());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + run.root(), e);
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running or will; it closes the plane, which is idempotent.
    }
  }
}
