package dev.gauntlet.faults.internal.selfhosted;

import java.util.Locale;

/**
 * The {@code /metrics} page of a simulated server in the Prometheus text format 0.0.4, under the names a real
 * deployment scrapes: vLLM's own ({@code vllm:gpu_cache_usage_perc}, {@code vllm:num_requests_running}) and NVIDIA's
 * DCGM exporter's ({@code DCGM_FI_DEV_FB_USED}, {@code DCGM_FI_DEV_FB_FREE}, in MiB). DCGM has no total field: a
 * scraper adds used and free. Stateless.
 */
final class GpuMetrics {

  /** The content type Prometheus expects of the text format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private static final String DCGM_LABELS =
      "{gpu=\"0\",UUID=\"GPU-00000000-0000-0000-0000-000000000000\","
          + "device=\"nvidia0\",modelName=\"Simulated\",Hostname=\"gauntlet\"}";

  private GpuMetrics() {}

  /** The page for {@code model} with the device as {@code now} has it. */
  static String render(String model, Gpu.Snapshot now) {
    String vllm = "{model_name=\"" + escape(model) + "\"}";
    StringBuilder page = new StringBuilder();
    gauge(
        page,
        "vllm:gpu_cache_usage_perc",
        "GPU KV-cache usage. 1 means 100 percent usage.",
        vllm,
        number(now.usedMb() / now.totalMb()));
    gauge(
        page,
        "vllm:num_requests_running",
        "Number of requests currently running on GPU.",
        vllm,
        Integer.toString(now.running()));
    gauge(
        page,
        "DCGM_FI_DEV_FB_USED",
        "Framebuffer memory used (in MiB).",
        DCGM_LABELS,
        Long.toString(Math.round(now.usedMb())));
    gauge(
        page,
        "DCGM_FI_DEV_FB_FREE",
        "Framebuffer memory free (in MiB).",
        DCGM_LABELS,
        Long.toString(Math.round(now.totalMb() - now.usedMb())));
    return page.toString();
  }

  private static void gauge(
      StringBuilder page, String name, String help, String labels, String value) {
    page.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help)
        .append('\n')
        .append("# TYPE ")
        .append(name)
        .append(" gauge\n")
        .append(name)
        .append(labels)
        .append(' ')
        .append(value)
        .append('\n');
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", ".0");
  }

  /** A label value as the text format wants it: backslash, double quote and newline escaped. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
