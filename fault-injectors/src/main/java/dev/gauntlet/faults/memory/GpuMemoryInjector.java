package dev.gauntlet.faults.memory;

import com.sun.jna.ptr.IntByReference;
import dev.gauntlet.faults.memory.internal.CudaAllocator;
import dev.gauntlet.faults.memory.internal.CudaRuntime;
import dev.gauntlet.faults.memory.internal.Ramp;
import java.util.List;

/**
 * Takes GPU memory on one device through the CUDA runtime: {@code cudaSetDevice}, then {@code cudaMalloc} chunks at
 * the ramp's rate up to its total, {@code cudaFree} of every chunk on close. An allocation that fails (the device is
 * full) stops the ramp where it is; the hold keeps what it has and says why. Thread-safe.
 */
public final class GpuMemoryInjector {

  private final CudaRuntime cuda;

  private GpuMemoryInjector(CudaRuntime cuda) {
    this.cuda = cuda;
  }

  /**
   * Loads libcudart under its usual names ({@code -Dgauntlet.cudart.library=PATH} names it instead).
   *
   * @throws MissingLibraryException naming every name tried, when the CUDA runtime is not installed
   */
  public static GpuMemoryInjector load() {
    return load(CudaRuntime.NAMES);
  }

  /** Loads the CUDA runtime under the first of {@code libraryNames} that loads. */
  public static GpuMemoryInjector load(List<String> libraryNames) {
    return new GpuMemoryInjector(CudaRuntime.load(libraryNames));
  }

  /**
   * The number of CUDA devices visible to this process (after {@code CUDA_VISIBLE_DEVICES}).
   *
   * @throws IllegalStateException when the runtime cannot reach a device at all (no driver, no GPU), saying why
   */
  public int deviceCount() {
    IntByReference count = new IntByReference();
    int error = cuda.cudaGetDeviceCount(count);
    if (error != 0) {
      throw new IllegalStateException(
          "the CUDA runtime loaded but found no usable GPU: cudaGetDeviceCount failed: "
              + cuda.cudaGetErrorString(error)
              + " (cudaError "
              + error
              + "); is the NVIDIA driver installed and a GPU "
              + "visible (nvidia-smi, CUDA_VISIBLE_DEVICES)?");
    }
    return count.getValue();
  }

  /**
   * Starts taking memory on {@code device} on a thread of its own and returns at once.
   *
   * @throws IllegalArgumentException when there is no such device
   * @throws IllegalStateException    when the runtime cannot reach any device
   */
  public MemoryHold start(int device, MemoryRamp ramp) {
    int devices = deviceCount();
    if (device < 0 || device >= devices) {
      throw new IllegalArgumentException(
          "device must be in [0, " + devices + "), but was " + device);
    }
    return Ramp.start(new CudaAllocator(cuda, device), ramp, 1, "gauntlet-gpu-memory-" + device);
  }
}
