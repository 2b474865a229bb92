package dev.gauntlet.dataset.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.dataset.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationTest {

  /** Drafts a call of lookup with an id drawn from {@code ids} values, answered with a fresh code each time. */
  private static Intent lookup(int ids) {
    return world -> {
      String id = "K" + world.between(1, ids);
      String code = world.code("V", 6);
      return new Draft("question " + world.code("Q", 8), "test")
          .call("lookup", Obj.of("id", id), Obj.of("code", code))
          .answer("{{lookup.code}}")
          .expectContains(code);
    };
  }

  @Test
  void redrawsADraftThatCallsAnEarlierCallButGetsAnotherAnswer() {
    List<Item> items = Generation.items(7, "t-%02d", mix(lookup(3), 3));

    assertThat(items)
        .extracting(item -> item.fixtures().get(0).arguments().get("id").asText())
        .as(
            "the tool mock answers a call from the first item declaring it, so each id is drawn once")
        .doesNotHaveDuplicates();
  }

  @Test
  void givesUpWhenEveryDraftClashesInsteadOfLoopingForever() {
    assertThatThrownBy(() -> Generation.items(7, "t-%02d", mix(lookup(1), 2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("could not draft an item unlike");
  }

  @Test
  void theCustomerSupportWayKeepsRepeatedCalls() {
    assertThat(Generation.itemsWithRepeatedCalls(7, "t-%02d", mix(lookup(1), 2))).hasSize(2);
  }

  private static Map<Intent, Integer> mix(Intent intent, int count) {
    Map<Intent, Integer> mix = new LinkedHashMap<>();
    mix.put(intent, count);
    return mix;
  }
}
