/**
 * Real memory faults on real hosts, through JNA: {@link dev.gauntlet.faults.memory.HostMemoryInjector} (libc),
 * {@link dev.gauntlet.faults.memory.GpuMemoryInjector} (the CUDA runtime), and the samplers that measure what they
 * did: {@link dev.gauntlet.faults.memory.ProcessMemorySampler} (resident memory from {@code /proc}) and
 * {@link dev.gauntlet.faults.memory.GpuSampler} (NVML).
 *
 * <pre>{@code
 * try (MemoryHold hold = HostMemoryInjector.load().start(new MemoryRamp(512, 128))) {
 *   hold.awaitTarget(Duration.ofSeconds(10));   // 512 MiB resident, reached at 128 MiB/s
 *   ...                                          // the fault window
 * }                                              // every byte given back
 * }</pre>
 *
 * <p>A native library that is not installed surfaces as {@link dev.gauntlet.faults.memory.MissingLibraryException},
 * naming every library name tried, never as an {@code UnsatisfiedLinkError}. Sizes are in MiB (2<sup>20</sup>
 * bytes) throughout, as {@code /proc} and NVML count them.
 */
package dev.gauntlet.faults.memory;
