package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which calls a latency fault slows and by how much: seeded per (fault, task, call), never by arrival order. */
class LatenciesTest {

  private static final Fault.Latency SLOW =
      new Fault.Latency(
          new Delay.LogNormal(Duration.ofMillis(300), Duration.ofSeconds(2)),
          40,
          0.5,
          new Fault.Latency.SlowTail(0.1, 10));

  private static Latencies on(long seed, double probability) {
    Latencies latencies = new Latencies(seed);
    latencies.activate(
        new FaultSpec(
            "slow",
            new Window(Duration.ZERO, Duration.ofHours(1)),
            probability,
            "primary",
            null,
            SLOW),
        SLOW);
    return latencies;
  }

  private static List<Optional<Pace>> paces(Latencies latencies, int calls) {
    List<Optional<Pace>> paces = new ArrayList<>();
    for (int call = 0; call < calls; call++) {
      paces.add(latencies.pace("primary", "gpt-4o-mini", "task-" + call % 7, call));
    }
    return paces;
  }

  @Test
  void sameSeedDrawsTheSameDelaysForTheSameCalls() {
    List<Optional<Pace>> first = paces(on(5, 0.5), 200);

    assertThat(paces(on(5, 0.5), 200)).isEqualTo(first);
    assertThat(paces(on(6, 0.5), 200)).isNotEqualTo(first);
    assertThat(first.stream().flatMap(Optional::stream).map(p -> p.generation(50)))
        .as("the gaps, too, repeat")
        .containsExactlyElementsOf(
            paces(on(5, 0.5), 200).stream()
                .flatMap(Optional::stream)
                .map(p -> p.generation(50))
                .toList());
  }

  @Test
  void aCallsPaceDoesNotDependOnTheOrderCallsArrive() {
    Latencies latencies = on(5, 1);
    Pace late = latencies.pace("primary", "gpt-4o-mini", "task-3", 2).orElseThrow();
    paces(latencies, 50);

    assertThat(on(5, 1).pace("primary", "gpt-4o-mini", "task-3", 2)).contains(late);
  }

  @Test
  void probabilityIsTheShareOfCallsSlowed() {
    long hit = paces(on(9, 0.3), 10_000).stream().filter(Optional::isPresent).count();

    assertThat(hit / 10_000.0).isCloseTo(0.3, within(0.02));
  }

  @Test
  void slowTailShareIsDrawnAndMultipliesTheWholePace() {
    List<Pace> paces = paces(on(3, 1), 10_000).stream().flatMap(Optional::stream).toList();

    assertThat(paces.stream().filter(Pace::tail).count() / 10_000.0).isCloseTo(0.1, within(0.02));
    assertThat(paces)
        .allSatisfy(
            p -> assertThat(p.perToken()).isEqualTo(Duration.ofMillis(p.tail() ? 250 : 25)));
  }

  @Test
  void jitterSpreadsGapsAroundTheirMean() {
    Pace pace =
        paces(on(3, 1), 20).stream()
            .flatMap(Optional::stream)
            .filter(p -> !p.tail())
            .findFirst()
            .orElseThrow();

    assertThat(pace.generation(1001).toMillis())
        .as("1000 gaps of 25 ms ± 50%")
        .isBetween(12_500L, 37_500L)
        .isCloseTo(25_000L, within(1_000L));
    assertThat(pace.generation(1)).as("a single token has no gap").isZero();
    assertThat(pace.whole(1001)).isEqualTo(pace.firstToken().plus(pace.generation(1001)));
  }

  @Test
  void onlyTargetedCallsAreSlowedAndSwitchingOffStops() {
    Latencies latencies = new Latencies(1);
    var off =
        latencies.activate(
            new FaultSpec(
                "slow", new Window(Duration.ZERO, Duration.ofHours(1)), 1, "primary", null, SLOW),
            SLOW);

    assertThat(latencies.pace("fallback", "gpt-4o-mini", "t", 0)).isEmpty();
    assertThat(latencies.pace("primary", "gpt-4o-mini", "t", 0)).isPresent();
    off.close();
    assertThat(latencies.pace("primary", "gpt-4o-mini", "t", 0)).isEmpty();
  }
}
