package dev.gauntlet.faults.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The NVML and CUDA paths. Where no GPU library loads, the tests that need one are skipped with the reason; the
 * messages for missing libraries are tested everywhere.
 */
class GpuPathsTest {

  @Test
  void aMissingNvmlNamesEveryNameTried() {
    assertThatThrownBy(
            () -> GpuSampler.open(List.of("gauntlet-no-such-nvml", "libgauntlet-nope.so.1")))
        .isInstanceOf(MissingLibraryException.class)
        .hasMessageStartingWith(
            "could not load NVML (libnvidia-ml): tried gauntlet-no-such-nvml, "
                + "libgauntlet-nope.so.1 (jna.library.path=")
        .hasMessageContaining("install the NVIDIA driver")
        .hasMessageContaining("-Dgauntlet.nvml.library=");
  }

  @Test
  void aMissingCudaRuntimeNamesEveryNameTried() {
    assertThatThrownBy(() -> GpuMemoryInjector.load(List.of("gauntlet-no-such-cudart")))
        .isInstanceOf(MissingLibraryException.class)
        .hasMessageStartingWith(
            "could not load the CUDA runtime (libcudart): tried gauntlet-no-such-cudart (")
        .hasMessageContaining("install the CUDA toolkit")
        .satisfies(
            e ->
                assertThat(((MissingLibraryException) e).namesTried())
                    .containsExactly("gauntlet-no-such-cudart"));
  }

  @Test
  void aCudaRuntimeWithoutADriverSaysSo() {
    GpuMemoryInjector cuda;
    try {
      cuda = GpuMemoryInjector.load();
    } catch (MissingLibraryException e) {
      Assumptions.abort(
          "no libcudart here, so the no-driver message cannot be checked: " + e.getMessage());
      return;
    }
    try (GpuSampler nvml = GpuSampler.open()) {
      Assumptions.abort("a GPU driver is installed here (NVML " + nvml.deviceCount() + " devices)");
    } catch (MissingLibraryException | IllegalStateException noDriver) {
      assertThatThrownBy(() -> cuda.start(0, new MemoryRamp(1, 1)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "the CUDA runtime loaded but found no usable GPU: cudaGetDeviceCount failed: ")
          .hasMessageContaining("is the NVIDIA driver installed");
    }
  }

  @Test
  void nvmlSeesEveryDevicesMemory() {
    try (GpuSampler nvml = openNvml()) {
      List<GpuMemory> devices = nvml.sample();
      assertThat(devices).isNotEmpty();
      for (GpuMemory device : devices) {
        assertThat(device.totalBytes()).isPositive();
        assertThat(device.usedBytes() + device.freeBytes())
            .isLessThanOrEqualTo(device.totalBytes());
        assertThat(device.name()).isNotBlank();
      }
    }
  }

  @Test
  void cudaTakesWhatWasAskedOnTheDeviceAndGivesItBack() throws Exception {
    GpuMemoryInjector cuda = loadCuda();
    try (GpuSampler nvml = openNvml();
        MemoryHold context = cuda.start(0, new MemoryRamp(16, Double.POSITIVE_INFINITY))) {
      // The first allocation also creates the CUDA context (hundreds of MiB); measure from after
      // it.
      assertThat(context.awaitTarget(Duration.ofSeconds(60)))
          .as(context.failure().orElse(""))
          .isTrue();
      double before = usedMib(nvml);
      double held;
      try (MemoryHold hold = cuda.start(0, new MemoryRamp(1024, 2048))) {
        assertThat(hold.awaitTarget(Duration.ofSeconds(60))).as(hold.failure().orElse("")).isTrue();
        held = usedMib(nvml);
      }
      double after = usedMib(nvml);
      System.out.printf(
          "GPU 0 used: asked 1024 MiB; held %+.1f, released %+.1f%n",
          held - before, after - before);
      assertThat(held - before).isCloseTo(1024, within(1024 * 0.05));
      assertThat(after - before).isCloseTo(0, within(1024 * 0.05));
    }
  }

  @Test
  void cudaRejectsADeviceThatDoesNotExist() {
    GpuMemoryInjector cuda = loadCuda();
    assertThatThrownBy(() -> cuda.start(cuda.deviceCount(), new MemoryRamp(1, 1)))
        .hasMessageStartingWith("device must be in [0, ");
  }

  private static double usedMib(GpuSampler nvml) {
    return nvml.sample(0).usedBytes() / (double) MemoryRamp.MIB;
  }

  private static GpuSampler openNvml() {
    try {
      return GpuSampler.open();
    } catch (MissingLibraryException | IllegalStateException e) {
      Assumptions.abort("GPU path unverified on this machine: " + e.getMessage());
      throw e;
    }
  }

  private static GpuMemoryInjector loadCuda() {
    try {
      GpuMemoryInjector cuda = GpuMemoryInjector.load();
      Assumptions.assumeTrue(
          cuda.deviceCount() > 0,
          "GPU path unverified on this machine: the CUDA runtime loads but counts no device");
      return cuda;
    } catch (MissingLibraryException | IllegalStateException e) {
      Assumptions.abort("GPU path unverified on this machine: " + e.getMessage());
      throw e;
    }
  }
}
