package dev.gauntlet.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerEntryTest {

  @TempDir Path dir;

  /** A tool line and an LLM line as ledgers were written before tool arguments were kept. */
  private static final String OLD_LINES =
      """
      {"ts_ms":1700000000090,"kind":"tool","tool":"lookup_order","task_id":"t-1","item_id":"cs-1","call_index":0,\
      "status":200,"input_tokens":0,"output_tokens":0,"cost_usd":0.0,"hallucinated":false,"first_byte_ms":1,\
      "last_byte_ms":2}
      {"ts_ms":1700000000005,"kind":"llm","provider":"primary","model":"gpt-4o-mini","task_id":"t-1","call_index":0,\
      "status":200,"input_tokens":900,"output_tokens":120,"cost_usd":2.07E-4,"hallucinated":false,\
      "first_byte_ms":80,"last_byte_ms":400}
      """;

  @Test
  void linesWrittenBeforeArgumentsWereKeptLoadWithoutArguments() throws IOException {
    Path ledger = Files.writeString(dir.resolve("ledger.jsonl"), OLD_LINES);

    List<LedgerEntry> entries = JsonLines.readAll(ledger, LedgerEntry.class);

    assertThat(entries).hasSize(2).allSatisfy(entry -> assertThat(entry.arguments()).isNull());
    assertThat(entries.get(0).tool()).isEqualTo("lookup_order");
    assertThat(entries.get(1).inputTokens()).isEqualTo(900);
  }

  @Test
  void toolArgumentsRoundTripAndAnLlmLineHasNoArgumentsField() throws IOException {
    JsonNode arguments =
        Json.mapper().readTree("{\"order_id\":\"A1\",\"limit\":3,\"tags\":[\"x\"]}");
    LedgerEntry tool =
        new LedgerEntry(
            1,
            LedgerEntry.TOOL,
            null,
            null,
            "lookup_order",
            "t-1",
            null,
            0,
            404,
            0,
            0,
            0,
            null,
            false,
            1,
            2,
            arguments);
    LedgerEntry llm =
        new LedgerEntry(
            1,
            LedgerEntry.LLM,
            "primary",
            "gpt",
            null,
            "t-1",
            null,
            0,
            200,
            10,
            5,
            0.1,
            null,
            false,
            1,
            2);

    String toolLine = Json.mapper().writeValueAsString(tool);
    String llmLine = Json.mapper().writeValueAsString(llm);

    assertThat(toolLine)
        .contains("\"arguments\":{\"order_id\":\"A1\",\"limit\":3,\"tags\":[\"x\"]}");
    assertThat(Json.mapper().readValue(toolLine, LedgerEntry.class)).isEqualTo(tool);
    assertThat(llmLine).doesNotContain("arguments");
    assertThat(Json.mapper().readValue(llmLine, LedgerEntry.class)).isEqualTo(llm);
  }

  @Test
  void anExplicitNullReadsAsNoArguments() throws IOException {
    LedgerEntry entry =
        Json.mapper()
            .readValue(
                "{\"ts_ms\":1,\"kind\":\"tool\",\"tool\":\"x\",\"arguments\":null}",
                LedgerEntry.class);

    assertThat(entry.arguments()).isNull();
  }

  @Test
  void linesWrittenBeforePacesWereKeptHaveNoLatenessAndArriveAtTheirTimestamp() throws IOException {
    Path ledger = Files.writeString(dir.resolve("ledger.jsonl"), OLD_LINES);

    LedgerEntry llm = JsonLines.readAll(ledger, LedgerEntry.class).get(1);

    assertThat(llm.pacedFirstMs()).isNull();
    assertThat(llm.pacedLastMs()).isNull();
    assertThat(llm.queuedMs()).isNull();
    assertThat(llm.lateMs()).isEmpty();
    assertThat(llm.arrivedMs()).isEqualTo(llm.tsMs());
    assertThat(llm.endMs()).isEqualTo(llm.tsMs() + 400);
  }

  @Test
  void paceAndQueueRoundTripAndGiveTheMocksOwnLateness() throws IOException {
    LedgerEntry llm =
        new LedgerEntry(
                1_000,
                LedgerEntry.LLM,
                "primary",
                "gpt",
                null,
                "t-1",
                null,
                0,
                200,
                10,
                5,
                0.1,
                null,
                false,
                610,
                1_230)
            .withByteTimes(610, 1_230, 600L, 1_200L)
            .withQueued(4);

    String line = Json.mapper().writeValueAsString(llm);

    assertThat(line)
        .contains("\"paced_first_ms\":600", "\"paced_last_ms\":1200", "\"queued_ms\":4");
    assertThat(Json.mapper().readValue(line, LedgerEntry.class)).isEqualTo(llm);
    assertThat(llm.lateMs()).hasValue(30);
    assertThat(llm.arrivedMs()).isEqualTo(996);
    assertThat(llm.endMs()).isEqualTo(996 + 1_230);
  }

  @Test
  void timelineLinesWithoutAScheduledTimeHaveNoLag() throws IOException {
    TimelineEvent old =
        Json.mapper()
            .readValue(
                "{\"ts_ms\":5,\"fault\":\"f\",\"kind\":\"outage\",\"action\":\"on\",\"by\":\"schedule\"}",
                TimelineEvent.class);
    TimelineEvent late =
        Json.mapper()
            .readValue(
                "{\"ts_ms\":345,\"fault\":\"f\",\"kind\":\"outage\",\"action\":\"on\",\"scheduled_ms\":5}",
                TimelineEvent.class);

    assertThat(old.lagMs()).isEmpty();
    assertThat(late.lagMs()).hasValue(340);
  }
}
