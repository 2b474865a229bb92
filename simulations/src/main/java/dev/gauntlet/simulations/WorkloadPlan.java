package dev.gauntlet.simulations;

import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Workload;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything a simulation needs to drive one workload: where the agent is, which items to send, how to pace them,
 * where to write task records.
 *
 * @param agentUrl base URL of the agent under test
 * @param workload arrival profile and task protocol
 * @param items    dataset items, in the (seeded) order they are sent; the feeder cycles through them
 * @param seed     the scenario seed, for the feeder's order
 * @param records  receives each finished task, on Gatling's threads (so it must be thread-safe and quick)
 * @param onStart  called once, just before the first arrival: the moment fault windows are measured from
 * @param onSent   called as each task is sent, on Gatling's threads (thread-safe and quick)
 */
public record WorkloadPlan(
    URI agentUrl,
    Workload workload,
    List<Item> items,
    long seed,
    Consumer<TaskRecord> records,
    Runnable onStart,
    Runnable onSent) {

  public WorkloadPlan {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("items must not be empty, but was empty");
    }
  }

  /** A plan that nobody needs told when each task is sent. */
  public WorkloadPlan(
      URI agentUrl,
      Workload workload,
      List<Item> items,
      long seed,
      Consumer<TaskRecord> records,
      Runnable onStart) {
    this(agentUrl, workload, items, seed, records, onStart, () -> {});
  }
}
