package dev.gauntlet.faults.memory.internal;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.List;

/** The NVML calls the GPU sampler makes; each returns an {@code nvmlReturn_t}, 0 on success. */
public interface Nvml extends Library {

  List<String> NAMES = List.of("nvidia-ml", "libnvidia-ml.so.1");
  int SUCCESS = 0;
  int ERROR_INSUFFICIENT_SIZE = 7;

  /** {@code nvmlProcessInfo_t}: uint pid, (pad), ull usedGpuMemory, uint gpuInstanceId, uint computeInstanceId. */
  int PROCESS_INFO_SIZE = 24;

  /** {@code nvmlMemory_t}: ull total, ull free, ull used. */
  int MEMORY_SIZE = 24;

  long VALUE_NOT_AVAILABLE = -1L;

  /** Loads libnvidia-ml under the first of {@code names} that loads, or {@code -Dgauntlet.nvml.library}. */
  static Nvml load(List<String> names) {
    return NativeLibraries.load(
        Nvml.class,
        "NVML (libnvidia-ml)",
        "gauntlet.nvml.library",
        names,
        "install the NVIDIA driver (it ships libnvidia-ml.so.1), or in a container run with the NVIDIA container "
            + "toolkit (--gpus all)");
  }

  int nvmlInit_v2();

  int nvmlShutdown();

  String nvmlErrorString(int result);

  int nvmlDeviceGetCount_v2(IntByReference count);

  int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

  int nvmlDeviceGetName(Pointer device, byte[] name, int length);

  int nvmlDeviceGetMemoryInfo(Pointer device, Pointer memory);

  int nvmlDeviceGetComputeRunningProcesses_v3(Pointer device, IntByReference count, Pointer infos);

  int nvmlDeviceGetComputeRunningProcesses_v2(Pointer device, IntByReference count, Pointer infos);
}
