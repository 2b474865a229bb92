package dev.gauntlet.engine;

import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.run.TaskRecord;
import java.net.URI;

/**
 * What an embedder hears of a run while it happens. Every method has an empty default, so a listener overrides only
 * what it needs. {@link #taskSent} and {@link #taskFinished} are called from the workload's threads, many at once,
 * and must return quickly; the others from the thread that called {@link Gauntlet#run}.
 */
public interface RunListener {

  /** A listener that hears nothing. */
  RunListener NONE = new RunListener() {};

  /** The fault plane is up: the run directory is {@code run} and faults are switched by hand at {@code admin}. */
  default void started(RunDirectory run, URI admin) {}

  /** The target answered its readiness check and the workload's clock starts now (run.json's {@code started_ms}). */
  default void workloadStarted() {}

  /** One more task's request is about to go out. */
  default void taskSent() {}

  /** A task finished (answered, failed or timed out), as written to records.jsonl. */
  default void taskFinished(TaskRecord record) {}

  /** The run is over: judged, or failed to happen ({@link RunResult#failure}). */
  default void finished(RunResult result) {}
}
