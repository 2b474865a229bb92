package dev.gauntlet.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.scenario.ArrivalSchedule;
import dev.gauntlet.scenario.Stage;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;

/** {@link ArrivalSchedule} places every arrival where Gatling's own injection iterator does. */
class ArrivalScheduleGatlingTest {

  @Property(tries = 300)
  void everyArrivalIsDueWhenGatlingStartsItsUser(
      @ForAll("profiles") @Size(min = 1, max = 3) List<Stage> profile) {
    List<Long> gatling = gatlingOffsets(profile);
    ArrivalSchedule schedule = ArrivalSchedule.of(profile);

    assertThat(schedule.total()).as("arrivals of %s", profile).isEqualTo(gatling.size());
    for (int n = 0; n < gatling.size(); n++) {
      assertThat(schedule.offsetMs(n)).as("arrival %d of %s", n, profile).isEqualTo(gatling.get(n));
    }
    for (int n = 0; n < gatling.size(); n += Math.max(1, gatling.size() / 50)) {
      long at = gatling.get(n);
      long before = gatling.stream().filter(o -> o < at).count();
      assertThat(schedule.plannedBefore(at))
          .as("arrivals before %d ms of %s", at, profile)
          .isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<List<Stage>> profiles() {
    Arbitrary<Double> rate =
        Arbitraries.oneOf(
            Arbitraries.of(0.0, 60.0, 5000.0, 60_000.0),
            Arbitraries.doubles().between(0, 12_000).ofScale(3));
    Arbitrary<Duration> duration =
        Arbitraries.longs().between(1_000, 20_000).map(Duration::ofMillis);
    Arbitrary<Stage> stage =
        Combinators.combine(rate, rate, duration, Arbitraries.of(true, false))
            .as((from, to, d, constant) -> new Stage(from, constant ? from : to, d));
    return stage.list().ofMinSize(1).ofMaxSize(3);
  }

  /** Offsets in milliseconds, in user order, as Gatling's injector will start its users. */
  static List<Long> gatlingOffsets(List<Stage> profile) {
    OpenInjectionStep[] steps = Injection.steps(profile);
    Iterator<FiniteDuration> users = Iterator.empty();
    for (int i = steps.length - 1; i >= 0; i--) {
      users = steps[i].asScala().chain(users);
    }
    List<Long> offsets = new ArrayList<>();
    while (users.hasNext()) {
      offsets.add(users.next().toMillis());
    }
    return offsets;
  }
}
