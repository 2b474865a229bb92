package dev.gauntlet.simulations;

import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.TaskRecord;
import dev.gauntlet.scenario.Workload;
import java.net.URI;
import java.util.List;

/**
 * Everything a simulation needs to drive one workload: where the agent is, which items to send, how to pace them,
 * where to write task records.
 *
 * @param agentUrl base URL of the agent under test
 * @param workload arrival profile and task protocol
 * @param items    dataset items, in the (seeded) order they are sent; the feeder cycles through them
 * @param seed     the scenario seed, for the feeder's order
 * @param records  where each finished task is appended
 */
public record WorkloadPlan(URI agentUrl, Workload workload, List<Item> items, long seed,
    JsonLinesWriter<TaskRecord> records) {

  public WorkloadPlan {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("items must not be empty, but was empty");
    }
  }
}
