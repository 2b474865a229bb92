package dev.gauntlet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.engine.ExitCodes;
import dev.gauntlet.faults.memory.GpuMemoryInjector;
import dev.gauntlet.faults.memory.MissingLibraryException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class InjectCommandTest {

  private static final Pattern HELD =
      Pattern.compile("held 128 MiB for 1s; RSS [0-9.]+ MiB \\(\\+([0-9.]+) MiB");

  @Test
  @EnabledOnOs(value = OS.LINUX, disabledReason = "RSS is read from /proc")
  void hostMemoryTakesWhatWasAskedHoldsAndGivesItBack() {
    Console run =
        Console.run("inject", "host-memory", "--mb", "128", "--rate", "512", "--hold", "1s");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "gauntlet inject host-memory: taking 128 MiB at 512 MiB/s in process "
                + ProcessHandle.current().pid())
        .contains("  holding 128 MiB; RSS ")
        .contains("released; RSS ");
    Matcher held = HELD.matcher(run.out());
    assertThat(held.find()).as(run.out()).isTrue();
    assertThat(Double.parseDouble(held.group(1)))
        .as("RSS growth printed while held, MiB")
        .isCloseTo(128, within(128 * 0.05));
  }

  @Test
  void gpuMemoryWithoutAUsableGpuIsOneLineAndExitCode4() {
    try {
      Assumptions.assumeTrue(GpuMemoryInjector.load().deviceCount() == 0, "a GPU is usable here");
    } catch (MissingLibraryException | IllegalStateException expected) {
      // No CUDA runtime, or no driver or device behind it: what this test is about.
    }
    Console run =
        Console.run(
            "inject", "gpu-memory", "--device", "0", "--mb", "64", "--rate", "64", "--hold", "1s");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.HARNESS_FAILED);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("gauntlet: ")
        .containsAnyOf(
            "could not load the CUDA runtime (libcudart): tried cudart, libcudart.so.13",
            "the CUDA runtime loaded but found no usable GPU");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aNonPositiveSizeIsInvalidInput() {
    Console run = Console.run("inject", "host-memory", "--mb", "0", "--rate", "10");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("--mb must be > 0, but was 0");
  }

  @Test
  void injectWithoutASubcommandIsInvalidInput() {
    Console run = Console.run("inject");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.err()).contains("inject needs a subcommand: host-memory or gpu-memory");
  }
}
