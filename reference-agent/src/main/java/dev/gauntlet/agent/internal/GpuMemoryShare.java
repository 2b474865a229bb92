package dev.gauntlet.agent.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The share of GPU memory in use, read from a model server's metrics: {@code DCGM_FI_DEV_FB_USED} ÷
 * ({@code DCGM_FI_DEV_FB_USED} + {@code DCGM_FI_DEV_FB_FREE}) per GPU (the two paired by identical labels; DCGM has
 * no total field), the fullest GPU counting; without those, vLLM's {@code vllm:gpu_cache_usage_perc} (0 to 1), the
 * highest across its label sets. Thread-safe (stateless).
 */
public final class GpuMemoryShare {

  static final String USED = "DCGM_FI_DEV_FB_USED";
  static final String FREE = "DCGM_FI_DEV_FB_FREE";
  static final String KV_CACHE = "vllm:gpu_cache_usage_perc";

  private GpuMemoryShare() {}

  /** The share in [0, 1] of the fullest GPU, or empty when the samples hold none of the metrics above. */
  public static OptionalDouble of(List<PrometheusText.Sample> samples) {
    Map<Map<String, String>, Double> used = new HashMap<>();
    Map<Map<String, String>, Double> free = new HashMap<>();
    double kvCache = Double.NaN;
    for (PrometheusText.Sample s : samples) {
      if (!Double.isFinite(s.value()) || s.value() < 0) {
        continue;
      }
      switch (s.name()) {
        case USED -> used.put(s.labels(), s.value());
        case FREE -> free.put(s.labels(), s.value());
        case KV_CACHE -> kvCache = Double.isNaN(kvCache) ? s.value() : Math.max(kvCache, s.value());
        default -> {}
      }
    }
    OptionalDouble fullest =
        used.entrySet().stream()
            .filter(e -> free.containsKey(e.getKey()))
            .filter(e -> e.getValue() + free.get(e.getKey()) > 0)
            .mapToDouble(e -> e.getValue() / (e.getValue() + free.get(e.getKey())))
            .max();
    if (fullest.isPresent()) {
      return fullest;
    }
    return Double.isNaN(kvCache) ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1, kvCache));
  }
}
