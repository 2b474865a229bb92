package dev.gauntlet.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskRecordJsonTest {

  @Test
  void aStreamedRecordKeepsItsTimeToFirstToken() throws Exception {
    TaskRecord streamed =
        new TaskRecord("t-1", "cs-1", 0, 1_000, 900, 200, "ok", null, List.of("lookup"), 120L);

    String line = Json.mapper().writeValueAsString(streamed);

    assertThat(line).contains("\"ttft_ms\":120");
    assertThat(Json.mapper().readValue(line, TaskRecord.class)).isEqualTo(streamed);
  }

  @Test
  void aRecordWithoutTimeToFirstTokenLeavesItOutAndOldLinesStillLoad() throws Exception {
    TaskRecord sync = new TaskRecord("t-1", "cs-1", 0, 1_000, 900, 200, "ok", null, List.of());
    String old =
        "{\"task_id\":\"t-1\",\"item_id\":\"cs-1\",\"trial\":0,\"start_ms\":1000,\"latency_ms\":900,"
            + "\"status\":200,\"output\":\"ok\",\"tool_calls\":[]}";

    assertThat(Json.mapper().writeValueAsString(sync)).doesNotContain("ttft");
    assertThat(Json.mapper().readValue(old, TaskRecord.class)).isEqualTo(sync);
    assertThat(sync.ttftMs()).isNull();
  }
}
