package dev.gauntlet.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlaneSpecTest {

  private static final Path SMOKE = Path.of("smoke.yaml");

  @Test
  void adminPortDefaultsToAny() {
    assertThat(ScenarioLoader.load(SMOKE).faultPlane().adminPort()).isZero();
    assertThat(new FaultPlaneSpec(9010, 9011)).isEqualTo(new FaultPlaneSpec(9010, 9011, 0));
  }

  @Test
  void adminPortIsSetLikeTheOtherPorts() {
    Scenario s = ScenarioLoader.load(SMOKE, List.of("fault_plane.admin_port=9012"));

    assertThat(s.faultPlane()).isEqualTo(new FaultPlaneSpec(0, 0, 9012));
  }

  @Test
  void rejectsAnAdminPortOutOfRange() {
    assertThatThrownBy(() -> ScenarioLoader.load(SMOKE, List.of("fault_plane.admin_port=70000")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::toString)
                    .singleElement()
                    .asString()
                    .contains("fault_plane.admin_port: must be"));
  }
}
