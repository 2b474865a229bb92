package dev.gauntlet.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

  @Test
  void isTheSha256OfTheNormalisedInput() {
    assertThat(CacheKey.of(List.of(), "abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void ignoresCaseSurroundingSpaceAndRunsOfWhiteSpace() {
    assertThat(CacheKey.of(List.of(), "  Where is\tmy   ORDER A1001?\n"))
        .isEqualTo(CacheKey.of(List.of(), "where is my order a1001?"));
    assertThat(CacheKey.normalise("ＡＢＣ  ﬁ"))
        .as("NFKC folds full-width letters and ligatures")
        .isEqualTo("abc fi");
  }

  @Test
  void tellsDifferentInputsApart() {
    assertThat(CacheKey.of(List.of(), "order A1001"))
        .isNotEqualTo(CacheKey.of(List.of(), "order A1002"));
  }

  @Test
  void dependsOnTheEarlierTurnsOfTheConversation() {
    List<MemoryTurn> history =
        List.of(MemoryTurn.user("I ordered A1001."), MemoryTurn.assistant("Noted."));

    assertThat(CacheKey.of(history, "Where is it?"))
        .isNotEqualTo(CacheKey.of(List.of(), "Where is it?"));
    assertThat(CacheKey.of(history, "Where is it?"))
        .isNotEqualTo(
            CacheKey.of(
                List.of(MemoryTurn.user("I ordered A1002."), MemoryTurn.assistant("Noted.")),
                "Where is it?"));
  }
}
