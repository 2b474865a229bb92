package dev.gauntlet.simulations;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import dev.gauntlet.scenario.Stage;
import io.gatling.javaapi.core.OpenInjectionStep;
import java.util.List;

/**
 * Turns a scenario's arrival profile into Gatling open-model injection steps: arrivals follow the schedule whatever
 * the agent's latency, as real traffic does.
 */
final class Injection {

  private Injection() {}

  static OpenInjectionStep[] steps(List<Stage> profile) {
    return profile.stream().map(Injection::step).toArray(OpenInjectionStep[]::new);
  }

  private static OpenInjectionStep step(Stage stage) {
    double from = stage.fromPerMinute() / 60.0;
    if (stage.isConstant()) {
      return constantUsersPerSec(from).during(stage.duration());
    }
    return rampUsersPerSec(from).to(stage.toPerMinute() / 60.0).during(stage.duration());
  }
}
