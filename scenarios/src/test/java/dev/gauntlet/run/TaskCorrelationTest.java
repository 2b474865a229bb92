package dev.gauntlet.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TaskCorrelationTest {

  @Property
  void everyPrintableTaskIdRoundTripsThroughATraceparent(
      @ForAll @StringLength(min = 1, max = 16) @CharRange(from = '!', to = '~') String taskId) {
    String traceparent = TaskCorrelation.traceparent(taskId).orElseThrow();

    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    assertThat(TaskCorrelation.fromTraceparent(traceparent)).contains(taskId);
  }

  @Test
  void idsTooLongForATraceIdGetNoTraceparent() {
    assertThat(TaskCorrelation.traceparent("t-" + "9".repeat(15))).isEmpty();
    assertThat(TaskCorrelation.traceparent("")).isEmpty();
  }

  @Test
  void foreignTraceparentsAreNotMistakenForTasks() {
    assertThat(
            TaskCorrelation.fromTraceparent(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEmpty();
    assertThat(TaskCorrelation.fromTraceparent("not a traceparent")).isEmpty();
    assertThat(TaskCorrelation.fromTraceparent(null)).isEmpty();
  }

  @Test
  void theTaskHeaderWinsOverTheTraceparent() {
    String traceparent = TaskCorrelation.traceparent("t-0000002").orElseThrow();

    assertThat(
            TaskCorrelation.taskId(
                Map.of("X-Gauntlet-Task-Id", "t-0000001", "traceparent", traceparent)::get))
        .isEqualTo("t-0000001");
    assertThat(TaskCorrelation.taskId(Map.of("traceparent", traceparent)::get))
        .isEqualTo("t-0000002");
    assertThat(TaskCorrelation.taskId(Map.<String, String>of()::get)).isNull();
  }
}
