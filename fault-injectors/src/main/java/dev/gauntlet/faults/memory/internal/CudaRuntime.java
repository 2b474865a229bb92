package dev.gauntlet.faults.memory.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;

/** The few CUDA runtime calls the GPU-memory injector makes; each returns a {@code cudaError_t}, 0 on success. */
public interface CudaRuntime extends Library {

  /** The names tried, newest runtime first. */
  List<String> NAMES =
      List.of(
          "cudart", "libcudart.so.13", "libcudart.so.12", "libcudart.so.11.0", "libcudart.so.10.2");

  /** Loads libcudart under the first of {@link #NAMES} that loads, or {@code -Dgauntlet.cudart.library}. */
  static CudaRuntime load(List<String> names) {
    return NativeLibraries.load(
        CudaRuntime.class,
        "the CUDA runtime (libcudart)",
        "gauntlet.cudart.library",
        names,
        "install the CUDA toolkit or runtime (the NVIDIA driver alone does not ship libcudart), add its lib64 "
            + "folder to LD_LIBRARY_PATH");
  }

  int cudaGetDeviceCount(IntByReference count);

  int cudaSetDevice(int device);

  int cudaMalloc(PointerByReference devicePointer, long size);

  int cudaMemset(Pointer devicePointer, int value, long count);

  int cudaFree(Pointer devicePointer);

  String cudaGetErrorString(int error);
}
