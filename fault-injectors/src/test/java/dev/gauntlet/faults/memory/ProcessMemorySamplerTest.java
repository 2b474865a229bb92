package dev.gauntlet.faults.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "resident memory is read from /proc")
class ProcessMemorySamplerTest {

  @Test
  void readsThisJvmsResidentMemory() {
    ProcessMemory memory = ProcessMemorySampler.self().sample();
    assertThat(memory.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(memory.residentBytes())
        .isGreaterThan(10L << 20)
        .isGreaterThanOrEqualTo(memory.anonymousBytes() + memory.fileBytes());
  }

  @Test
  void namesTheProcessThatIsGone() {
    assertThatIllegalStateException()
        .isThrownBy(() -> ProcessMemorySampler.of(Integer.MAX_VALUE).sample())
        .withMessageContaining("process " + Integer.MAX_VALUE + " has exited");
  }
}
