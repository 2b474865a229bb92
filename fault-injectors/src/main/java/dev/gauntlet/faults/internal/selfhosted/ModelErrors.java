package dev.gauntlet.faults.internal.selfhosted;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The error bodies a self-hosted server sends itself, OpenAI-shaped so that the official SDKs parse them: PyTorch's
 * out-of-memory message as vLLM passes it on, and the 503 of a server still loading. Stateless.
 */
final class ModelErrors {

  private ModelErrors() {}

  /** 500 body for a completion that did not fit, worded as PyTorch's caching allocator words it. */
  static String oom(Gpu.Admission.OutOfMemory oom) {
    String message =
        "CUDA out of memory. Tried to allocate "
            + size(oom.triedMb())
            + ". GPU 0 has a total capacity of "
            + size(oom.totalMb())
            + " of which "
            + size(oom.freeMb())
            + " is free. Including non-PyTorch memory, this "
            + "process has "
            + size(oom.usedMb())
            + " memory in use. If reserved but unallocated memory is large try "
            + "setting PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True to avoid fragmentation.";
    return body(message, "server_error", "out_of_memory");
  }

  /** 503 body while the server loads its weights after a restart. */
  static String starting() {
    return body("model server is starting", "service_unavailable", null);
  }

  /** A size in MiB as PyTorch prints one: two decimals, in GiB from 1 GiB on. */
  static String size(double mib) {
    return mib >= 1024
        ? String.format(Locale.ROOT, "%.2f GiB", mib / 1024)
        : String.format(Locale.ROOT, "%.2f MiB", Math.max(0, mib));
  }

  private static String body(String message, String type, String code) {
    ObjectNode error =
        JsonNodeFactory.instance
            .objectNode()
            .put("message", message)
            .put("type", type)
            .putNull("param")
            .put("code", code);
    return JsonNodeFactory.instance.objectNode().set("error", error).toString();
  }
}
