package dev.gauntlet.faults.memory;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import dev.gauntlet.faults.memory.internal.Nvml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads GPU memory per device and per process through NVML ({@code libnvidia-ml}, shipped with the NVIDIA driver).
 * Open one, sample as often as needed, close it. Thread-safe (NVML is).
 */
public final class GpuSampler implements AutoCloseable {

  private final Nvml nvml;

  private GpuSampler(Nvml nvml) {
    this.nvml = nvml;
  }

  /**
   * Loads NVML under its usual names ({@code -Dgauntlet.nvml.library=PATH} names it instead) and initialises it.
   *
   * @throws MissingLibraryException naming every name tried, when the NVIDIA driver is not installed
   * @throws IllegalStateException   when NVML loads but cannot initialise (e.g. the driver is not loaded)
   */
  public static GpuSampler open() {
    return open(Nvml.NAMES);
  }

  /** Loads NVML under the first of {@code libraryNames} that loads and initialises it. */
  public static GpuSampler open(List<String> libraryNames) {
    GpuSampler sampler = new GpuSampler(Nvml.load(libraryNames));
    sampler.check(sampler.nvml.nvmlInit_v2(), "nvmlInit_v2");
    return sampler;
  }

  /** The number of GPUs NVML sees. */
  public int deviceCount() {
    IntByReference count = new IntByReference();
    check(nvml.nvmlDeviceGetCount_v2(count), "nvmlDeviceGetCount_v2");
    return count.getValue();
  }

  /** Every GPU's memory now. */
  public List<GpuMemory> sample() {
    List<GpuMemory> devices = new ArrayList<>();
    for (int i = 0, n = deviceCount(); i < n; i++) {
      devices.add(sample(i));
    }
    return devices;
  }

  /** One GPU's memory now. */
  public GpuMemory sample(int index) {
    PointerByReference ref = new PointerByReference();
    check(
        nvml.nvmlDeviceGetHandleByIndex_v2(index, ref),
        "nvmlDeviceGetHandleByIndex_v2(" + index + ")");
    Pointer device = ref.getValue();
    byte[] name = new byte[96];
    check(nvml.nvmlDeviceGetName(device, name, name.length), "nvmlDeviceGetName");
    Memory memory = new Memory(Nvml.MEMORY_SIZE);
    check(nvml.nvmlDeviceGetMemoryInfo(device, memory), "nvmlDeviceGetMemoryInfo");
    return new GpuMemory(
        index,
        cString(name),
        memory.getLong(0),
        memory.getLong(16),
        memory.getLong(8),
        processes(device));
  }

  private List<GpuProcessMemory> processes(Pointer device) {
    for (int capacity = 16; ; capacity *= 4) {
      IntByReference count = new IntByReference(capacity);
      Memory infos = new Memory((long) Nvml.PROCESS_INFO_SIZE * capacity);
      int result = runningProcesses(device, count, infos);
      if (result == Nvml.ERROR_INSUFFICIENT_SIZE) {
        continue;
      }
      check(result, "nvmlDeviceGetComputeRunningProcesses");
      List<GpuProcessMemory> processes = new ArrayList<>();
      for (int i = 0; i < count.getValue(); i++) {
        long at = (long) i * Nvml.PROCESS_INFO_SIZE;
        long used = infos.getLong(at + 8);
        processes.add(
            new GpuProcessMemory(
                Integer.toUnsignedLong(infos.getInt(at)),
                used == Nvml.VALUE_NOT_AVAILABLE ? OptionalLong.empty() : OptionalLong.of(used)));
      }
      return processes;
    }
  }

  private int runningProcesses(Pointer device, IntByReference count, Memory infos) {
    try {
      return nvml.nvmlDeviceGetComputeRunningProcesses_v3(device, count, infos);
    } catch (UnsatisfiedLinkError olderDriver) {
      // Drivers before 510 have only _v2, with the same structure.
      return nvml.nvmlDeviceGetComputeRunningProcesses_v2(device, count, infos);
    }
  }

  /** Shuts NVML down. */
  @Override
  public void close() {
    nvml.nvmlShutdown();
  }

  private void check(int result, String call) {
    if (result != Nvml.SUCCESS) {
      throw new IllegalStateException(
          call + " failed: " + nvml.nvmlErrorString(result) + " (nvmlReturn " + result + ")");
    }
  }

  private static String cString(byte[] bytes) {
    int end = 0;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }
}
