package dev.gauntlet.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  /** What a vLLM server beside a DCGM exporter serves, comments, blank lines and all. */
  static final String VLLM_AND_DCGM =
      """
      # HELP vllm:gpu_cache_usage_perc GPU KV-cache usage. 1 means 100 percent usage.
      # TYPE vllm:gpu_cache_usage_perc gauge
      vllm:gpu_cache_usage_perc{model_name="llama-3.1-8b-instruct"} 0.93
      # HELP vllm:num_requests_running Number of requests currently running on GPU.
      # TYPE vllm:num_requests_running gauge
      vllm:num_requests_running{model_name="llama-3.1-8b-instruct"} 12

      # a comment that is neither HELP nor TYPE
      DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-1",modelName="Simulated",Hostname="gauntlet"} 76000
      DCGM_FI_DEV_FB_FREE{gpu="0",UUID="GPU-1",modelName="Simulated",Hostname="gauntlet"} 5920 1732380000000
      process_start_time_seconds 1.7323800E9
      """;

  @Test
  void readsNamesLabelsAndValuesAndSkipsCommentsAndBlankLines() {
    List<PrometheusText.Sample> samples = PrometheusText.parse(VLLM_AND_DCGM);

    assertThat(samples)
        .extracting(PrometheusText.Sample::name)
        .containsExactly(
            "vllm:gpu_cache_usage_perc",
            "vllm:num_requests_running",
            "DCGM_FI_DEV_FB_USED",
            "DCGM_FI_DEV_FB_FREE",
            "process_start_time_seconds");
    assertThat(samples.get(0).labels())
        .containsExactly(Map.entry("model_name", "llama-3.1-8b-instruct"));
    assertThat(samples.get(2).labels()).containsKeys("gpu", "UUID", "modelName", "Hostname");
    assertThat(samples.get(3).value()).as("a timestamp after the value").isEqualTo(5920);
    assertThat(samples.get(4).value()).isEqualTo(1.7323800e9);
  }

  @Test
  void resolvesEscapesInLabelValuesAndToleratesSpacingAndATrailingComma() {
    PrometheusText.Sample s =
        PrometheusText.parse(
                "m { a = \"x\\\\y\" , b=\"say \\\"hi\\\"\",c=\"two\\nlines\", d=\"}{,=\" , } \t-Inf\r\n")
            .get(0);

    assertThat(s.labels())
        .containsExactly(
            Map.entry("a", "x\\y"),
            Map.entry("b", "say \"hi\""),
            Map.entry("c", "two\nlines"),
            Map.entry("d", "}{,="));
    assertThat(s.value()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(PrometheusText.parse("m NaN").get(0).value()).isNaN();
    assertThat(PrometheusText.parse("m +Inf").get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(PrometheusText.parse("m{} 1e-3").get(0).value()).isCloseTo(0.001, within(1e-15));
  }

  @Test
  void rejectsWhatIsNotTheFormatNamingTheLine() {
    assertThatThrownBy(() -> PrometheusText.parse("# HELP x y\nx{a=\"1\"} 1\nx{a=1} 2"))
        .isInstanceOf(PrometheusText.FormatException.class)
        .hasMessage("line 3: expected '\"', but found '1'");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"1} 2"))
        .hasMessage("line 1: a label value is not closed by '\"'");
    assertThatThrownBy(() -> PrometheusText.parse("x 12abc"))
        .hasMessage("line 1: expected a value (a number, NaN, +Inf or -Inf), but found '12abc'");
    assertThatThrownBy(() -> PrometheusText.parse("x Infinity"))
        .hasMessageStartingWith("line 1: expected a value");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"\\t\"} 1"))
        .hasMessage(
            "line 1: expected \\\\, \\\" or \\n after a backslash in a label value, but found \\t");
    assertThatThrownBy(() -> PrometheusText.parse("x{a=\"1\",a=\"2\"} 1"))
        .hasMessage("line 1: label a appears twice");
    assertThatThrownBy(() -> PrometheusText.parse("x 1 2 3"))
        .hasMessageStartingWith("line 1: expected the end");
    assertThatThrownBy(() -> PrometheusText.parse("9x 1"))
        .hasMessage("line 1: expected a metric name, but found '9'");
    assertThatThrownBy(() -> PrometheusText.parse("x"))
        .hasMessage("line 1: expected a value, but found the end of " + "the line");
  }

  /** Any label values, escaped as an exporter escapes them, come back exactly; so does the value. */
  @Property(tries = 500, seed = "42")
  void labelValuesRoundTripThroughEscaping(
      @ForAll @Size(min = 1, max = 4) List<@StringLength(max = 20) String> values,
      @ForAll @DoubleRange(min = -1e12, max = 1e12) double value) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      labels.put("l" + i, values.get(i).replace("\r", ""));
    }
    StringBuilder line = new StringBuilder("metric_x:y{");
    labels.forEach(
        (k, v) ->
            line.append(k)
                .append("=\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                .append("\","));
    line.append("} ").append(value);

    PrometheusText.Sample s = PrometheusText.parse("# TYPE metric_x:y gauge\n" + line).get(0);

    assertThat(s.labels()).isEqualTo(labels);
    assertThat(s.value()).isEqualTo(value);
  }

  @Test
  void theShareOfGpuMemoryComesFromDcgmUsedAndFreeElseTheKvCache() {
    assertThat(GpuMemoryShare.of(PrometheusText.parse(VLLM_AND_DCGM)).getAsDouble())
        .isCloseTo(76_000.0 / 81_920, within(1e-12));
    assertThat(
            GpuMemoryShare.of(
                    PrometheusText.parse(
                        "vllm:gpu_cache_usage_perc{model_name=\"a\"} 0.5\n"
                            + "vllm:gpu_cache_usage_perc{model_name=\"b\"} 0.7"))
                .getAsDouble())
        .as("the fuller of two")
        .isEqualTo(0.7);
    assertThat(
            GpuMemoryShare.of(
                    PrometheusText.parse(
                        """
        DCGM_FI_DEV_FB_USED{gpu="0"} 10
        DCGM_FI_DEV_FB_FREE{gpu="0"} 90
        DCGM_FI_DEV_FB_USED{gpu="1"} 60
        DCGM_FI_DEV_FB_FREE{gpu="1"} 40
        DCGM_FI_DEV_FB_USED{gpu="2"} 99
        vllm:gpu_cache_usage_perc 0.99
        """))
                .getAsDouble())
        .as("the fullest GPU with both fields; gpu 2 has no FREE")
        .isEqualTo(0.6);
    assertThat(GpuMemoryShare.of(PrometheusText.parse("up 1\n"))).isEmpty();
  }
}
