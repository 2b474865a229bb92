package dev.gauntlet.faults.memory.internal;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import dev.gauntlet.faults.memory.MemoryRamp;

/** Device memory from {@code cudaMalloc} on one device; CUDA commits it at once, so nothing needs touching. */
public final class CudaAllocator implements Allocator {

  private final CudaRuntime cuda;
  private final int device;

  public CudaAllocator(CudaRuntime cuda, int device) {
    this.cuda = cuda;
    this.device = device;
  }

  @Override
  public void begin() {
    check(cuda.cudaSetDevice(device), "cudaSetDevice(" + device + ")");
  }

  @Override
  public long allocate(long bytes) {
    PointerByReference ref = new PointerByReference();
    check(
        cuda.cudaMalloc(ref, bytes),
        "cudaMalloc of " + bytes / MemoryRamp.MIB + " MiB on device " + device);
    return Pointer.nativeValue(ref.getValue());
  }

  @Override
  public void free(long handle, long bytes) {
    cuda.cudaFree(new Pointer(handle));
  }

  private void check(int error, String call) {
    if (error != 0) {
      throw new IllegalStateException(
          call + " failed: " + cuda.cudaGetErrorString(error) + " (cudaError " + error + ")");
    }
  }
}
