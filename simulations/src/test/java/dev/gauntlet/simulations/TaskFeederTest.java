package dev.gauntlet.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskFeederTest {

  private static List<Item> items(int n) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(
          new Item(
              "i" + i,
              "question " + i,
              new Expectation.Exact("x"),
              List.of(),
              List.of(),
              List.of(),
              1));
    }
    return items;
  }

  @Test
  void withoutTrialsEachPassOverTheDatasetIsTheNextTrial() {
    TaskFeeder feeder = new TaskFeeder(items(3), 7);
    List<Integer> trials = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      trials.add((Integer) feeder.next().get("trial"));
    }

    assertThat(trials).containsExactly(0, 0, 0, 1, 1, 1);
  }

  @Test
  void withKTrialsEachItemIsSentKTimesInARowWithTrialsZeroToKMinusOne() {
    TaskFeeder feeder = new TaskFeeder(items(4), 7, 3);
    List<Map<String, Object>> sent = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      sent.add(feeder.next());
    }

    for (int slot = 0; slot < 8; slot++) {
      List<Map<String, Object>> run = sent.subList(slot * 3, slot * 3 + 3);
      assertThat(run)
          .extracting(task -> task.get("itemId"))
          .as("slot %d", slot)
          .containsOnly(run.get(0).get("itemId"));
      int base = slot < 4 ? 0 : 3;
      assertThat(run)
          .extracting(task -> task.get("trial"))
          .as("slot %d", slot)
          .containsExactly(base, base + 1, base + 2);
    }
    Map<Object, Integer> perItem = new HashMap<>();
    sent.forEach(task -> perItem.merge(task.get("itemId"), 1, Integer::sum));
    assertThat(perItem).hasSize(4).allSatisfy((item, count) -> assertThat(count).isEqualTo(6));
    assertThat(sent).extracting(task -> task.get("taskId")).doesNotHaveDuplicates();
  }
}
