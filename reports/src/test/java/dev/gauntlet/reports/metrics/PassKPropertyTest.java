package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** pass^k and pass@k against a brute-force count over the same trials, grouped by item. */
class PassKPropertyTest {

  /** One recorded trial: outcome 0 failed, 1 passed, 2 succeeded but unscorable. */
  record Trial(String item, int trial, int outcome) {}

  @Property
  void matchesBruteForce(
      @ForAll("trials") List<Trial> trials, @ForAll @IntRange(min = 1, max = 4) int k) {
    // One record per (item, trial), as the feeder sends them.
    Map<String, Trial> unique = new TreeMap<>();
    trials.forEach(t -> unique.putIfAbsent(t.item() + "/" + t.trial(), t));
    PassK passK = new PassK(k);
    unique
        .values()
        .forEach(t -> passK.add(t.item(), t.trial(), t.outcome() == 2 ? null : t.outcome() == 1));

    Map<String, List<Trial>> byItem =
        unique.values().stream()
            .filter(t -> t.trial() < k)
            .collect(Collectors.groupingBy(Trial::item));
    Set<Integer> allTrials = IntStream.range(0, k).boxed().collect(Collectors.toSet());
    List<List<Trial>> complete =
        byItem.values().stream()
            .filter(
                list ->
                    list.stream().map(Trial::trial).collect(Collectors.toSet()).equals(allTrials))
            .filter(list -> list.stream().noneMatch(t -> t.outcome() == 2))
            .toList();
    long allPass =
        complete.stream().filter(list -> list.stream().allMatch(t -> t.outcome() == 1)).count();
    long anyPass =
        complete.stream().filter(list -> list.stream().anyMatch(t -> t.outcome() == 1)).count();

    assertThat(passK.items()).isEqualTo(complete.size());
    assertThat(passK.passHatK())
        .isEqualTo(complete.isEmpty() ? null : (double) allPass / complete.size());
    assertThat(passK.passAtK())
        .isEqualTo(complete.isEmpty() ? null : (double) anyPass / complete.size());
  }

  @Example
  void oneFailedTrialOfThreeFailsPassHatKButNotPassAtK() {
    PassK passK = new PassK(3);
    Map<String, boolean[]> outcomes = new HashMap<>();
    outcomes.put("a", new boolean[] {true, true, true});
    outcomes.put("b", new boolean[] {true, false, true});
    outcomes.forEach(
        (item, passed) -> {
          for (int trial = 0; trial < passed.length; trial++) {
            passK.add(item, trial, passed[trial]);
          }
        });
    passK.add("c", 0, true); // only one of three trials: not counted

    assertThat(passK.passHatK()).isEqualTo(0.5);
    assertThat(passK.passAtK()).isEqualTo(1.0);
    assertThat(passK.items()).isEqualTo(2);
  }

  @Provide
  Arbitrary<List<Trial>> trials() {
    Arbitrary<Trial> trial =
        Combinators.combine(
                Arbitraries.of("a", "b", "c", "d", "e"),
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 2))
            .as(Trial::new);
    return trial.list().ofMaxSize(60);
  }
}
