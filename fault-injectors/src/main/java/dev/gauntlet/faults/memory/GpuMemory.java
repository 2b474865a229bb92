package dev.gauntlet.faults.memory;

import java.util.List;

/**
 * One reading of one GPU's memory from NVML, in bytes. Immutable.
 *
 * @param index      the device's NVML index (which need not match CUDA's under {@code CUDA_VISIBLE_DEVICES})
 * @param name       the product name, e.g. "NVIDIA H100 80GB HBM3"
 * @param processes  the compute processes on it, with the memory each uses
 */
public record GpuMemory(
    int index,
    String name,
    long totalBytes,
    long usedBytes,
    long freeBytes,
    List<GpuProcessMemory> processes) {

  public GpuMemory {
    processes = List.copyOf(processes);
  }
}
