package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How late the fault plane may switch a fault or answer a call before the SLOs it distorts are unresolved. */
class HarnessToleranceTest {

  private static final Path SMOKE = Path.of("smoke.yaml");

  @Test
  void defaultsToOneHundredMillisecondsOfSwitchLagAndFiveOfMockLateness() {
    Evaluation evaluation = ScenarioLoader.load(SMOKE).evaluation();

    assertThat(evaluation.maxSwitchLag()).isEqualTo(Duration.ofMillis(100));
    assertThat(evaluation.maxMockLateness()).isEqualTo(Duration.ofMillis(5));
    assertThat(Evaluation.defaults()).isEqualTo(evaluation);
  }

  @Test
  void bothAreSetUnderEvaluation() {
    Evaluation evaluation =
        ScenarioLoader.load(
                SMOKE,
                List.of("evaluation.max_switch_lag=250ms", "evaluation.max_mock_lateness=20ms"))
            .evaluation();

    assertThat(evaluation.maxSwitchLag()).isEqualTo(Duration.ofMillis(250));
    assertThat(evaluation.maxMockLateness()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void rejectsALagThatIsNotADuration() {
    assertThatThrownBy(() -> ScenarioLoader.load(SMOKE, List.of("evaluation.max_switch_lag=soon")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .contains(
                        "evaluation.max_switch_lag: must be a duration such as 500ms, 30s, 2m or 1h, but was 'soon'"));
  }
}
