package dev.gauntlet.faults.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MemoryRampTest {

  @Test
  void rejectsANonPositiveTotal() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MemoryRamp(0, 1))
        .withMessage("megabytes must be > 0, but was 0");
  }

  @Test
  void rejectsANonPositiveOrNanRate() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new MemoryRamp(1, -2))
        .withMessage("megabytesPerSecond must be > 0, but was -2.0");
    assertThatIllegalArgumentException().isThrownBy(() -> new MemoryRamp(1, Double.NaN));
  }

  @Test
  void countsInMebibytes() {
    assertThat(new MemoryRamp(3, 1).bytes()).isEqualTo(3L << 20);
  }
}
