package dev.gauntlet.simulations;

import dev.gauntlet.dataset.Item;
import dev.gauntlet.run.Seeds;
import dev.gauntlet.run.TaskCorrelation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endless feeder of tasks: the dataset's items in a seeded order, again and again, each with a fresh task id and
 * its trial number (how many times that item was sent before). With {@code trials} k, each item is sent k times in a
 * row (trials 0 … k−1 on the first pass), so that even a short run holds complete sets of trials for pass^k. Thread-safe.
 */
final class TaskFeeder implements Iterator<Map<String, Object>> {

  private final List<Item> order;
  private final int trials;
  private final AtomicLong sent = new AtomicLong();

  TaskFeeder(List<Item> items, long seed) {
    this(items, seed, 1);
  }

  TaskFeeder(List<Item> items, long seed, int trials) {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be at least 1, but was " + trials);
    }
    List<Item> shuffled = new ArrayList<>(items);
    Collections.shuffle(shuffled, new Random(Seeds.generator(seed, "feeder").nextLong()));
    this.order = List.copyOf(shuffled);
    this.trials = trials;
  }

  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public Map<String, Object> next() {
    long n = sent.getAndIncrement();
    long slot = n / trials;
    Item item = order.get((int) (slot % order.size()));
    long trial = (slot / order.size()) * trials + n % trials;
    String taskId = String.format("t-%07d", n + 1);
    return Map.of(
        "taskId", taskId,
        "traceparent", TaskCorrelation.traceparent(taskId).orElseThrow(),
        "itemId", item.id(),
        "trial", (int) trial,
        "input", item.input());
  }
}
