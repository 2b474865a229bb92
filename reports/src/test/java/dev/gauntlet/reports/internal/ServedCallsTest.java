package dev.gauntlet.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedCallsTest {

  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  private static final Expectation LOOKUP_A1 =
      new Expectation.Trajectory(
          List.of(
              new Expectation.Trajectory.Step(
                  List.of(
                      new Expectation.Trajectory.Call(
                          "lookup_order", Map.of("order_id", List.of(json("\"A1\""))), Set.of())))),
          false);

  private static final Dataset DATASET =
      new Dataset(
          "shop",
          "1",
          "qa",
          List.of(),
          List.of(
              new Item(
                  "args",
                  "Where is A1?",
                  new Expectation.AllOf(
                      List.of(new Expectation.Contains(List.of("A1")), LOOKUP_A1)),
                  List.of(),
                  List.of(),
                  List.of(),
                  1),
              new Item(
                  "names",
                  "Where is A2?",
                  new Expectation.Trajectory(
                      List.of(
                          new Expectation.Trajectory.Step(
                              List.of(
                                  new Expectation.Trajectory.Call(
                                      "lookup_order", Map.of(), Set.of())))),
                      false),
                  List.of(),
                  List.of(),
                  List.of(),
                  2)),
          null);

  @Test
  void joinsTheCallsOfATaskInTheOrderTheyArrivedWithTheirArguments() {
    ledger(
        tool("t1", 1, 40, "track_shipment", "{\"tracking_number\":\"Z9\"}"),
        llm("t1", 10),
        tool("t2", 0, 20, "lookup_order", "{\"order_id\":\"B7\"}"),
        tool("t1", 0, 30, "lookup_order", "{\"order_id\":\"A1\"}"));

    try (ServedCalls served = ServedCalls.open(ledgerFile(), DATASET)) {
      assertThat(served.served(record("t1", "args", 0, 100)))
          .hasValue(
              List.of(
                  new ToolCall("lookup_order", json("{\"order_id\":\"A1\"}")),
                  new ToolCall("track_shipment", json("{\"tracking_number\":\"Z9\"}"))));
      assertThat(served.served(record("t2", "args", 0, 100)))
          .hasValue(List.of(new ToolCall("lookup_order", json("{\"order_id\":\"B7\"}"))));
    }
  }

  @Test
  void aCallThatFinishedLateIsStillJoinedToItsTask() {
    // t1's call arrived at +5 s but its line was written after t2's, which arrived at +9 s.
    ledger(
        tool("t2", 0, 9_000, "lookup_order", "{\"order_id\":\"B7\"}"),
        tool("t1", 0, 5_000, "lookup_order", "{\"order_id\":\"A1\"}"));

    try (ServedCalls served = ServedCalls.open(ledgerFile(), DATASET)) {
      assertThat(served.served(record("t1", "args", 0, 6_000)))
          .hasValueSatisfying(
              calls ->
                  assertThat(calls)
                      .extracting(call -> call.arguments().get("order_id").asText())
                      .containsExactly("A1"));
    }
  }

  @Test
  void keepsTheAgentsReportWhenTheMockServedNothingOrKeptNoArguments() {
    ledger(
        new LedgerEntry(
            T0 + 10,
            LedgerEntry.TOOL,
            null,
            null,
            "lookup_order",
            "old",
            null,
            0,
            200,
            0,
            0,
            0,
            null,
            false,
            1,
            2));

    try (ServedCalls served = ServedCalls.open(ledgerFile(), DATASET)) {
      assertThat(served.served(record("old", "args", 0, 100)))
          .as("a ledger line written before arguments were kept")
          .isEmpty();
      assertThat(served.served(record("elsewhere", "args", 0, 100, "lookup_order")))
          .as("the agent called tools the mock never saw")
          .isEmpty();
      assertThat(served.served(record("silent", "args", 0, 100)))
          .as("no call reported, none served")
          .hasValue(List.of());
      assertThat(served.served(record("other", "names", 0, 100)))
          .as("an item that checks names only")
          .isEmpty();
    }
  }

  @Test
  void holdsOnlyTheTasksStillInFlightWhateverTheRunsSize() {
    int tasks = 5_000;
    try (JsonLinesWriter<LedgerEntry> out = JsonLinesWriter.append(ledgerFile())) {
      for (int i = 0; i < tasks; i++) {
        out.write(tool("t" + i, 0, i * 1_000L + 100, "lookup_order", "{\"order_id\":\"A1\"}"));
      }
    }
    int most = 0;
    try (ServedCalls served = ServedCalls.open(ledgerFile(), DATASET)) {
      for (int i = 0; i < tasks; i++) {
        TaskRecord record = record("t" + i, i % 2 == 0 ? "args" : "names", i * 1_000L, 500);
        Optional<List<ToolCall>> calls = served.served(record);
        assertThat(calls.isPresent()).isEqualTo(i % 2 == 0);
        most = Math.max(most, served.held());
      }
    }
    assertThat(most).as("one task a second, read a minute ahead").isLessThanOrEqualTo(62);
  }

  @Test
  void dropsTheCallsOfTasksThatNeverGotARecord() {
    try (JsonLinesWriter<LedgerEntry> out = JsonLinesWriter.append(ledgerFile())) {
      out.write(tool("killed", 0, 0, "lookup_order", "{\"order_id\":\"A1\"}"));
      for (int i = 0; i < 2_000; i++) {
        out.write(tool("t" + i, 0, i * 1_000L + 100, "lookup_order", "{\"order_id\":\"A1\"}"));
      }
    }
    try (ServedCalls served = ServedCalls.open(ledgerFile(), DATASET)) {
      for (int i = 0; i < 2_000; i++) {
        served.served(record("t" + i, "args", i * 1_000L, 500));
      }
      assertThat(served.held()).isLessThanOrEqualTo(62);
      assertThat(served.served(record("killed", "args", 0, 500, "lookup_order")))
          .as("dropped past the horizon")
          .isEmpty();
    }
  }

  @Test
  void aLastLineCutShortByAKilledRunIsSkipped() throws IOException {
    ledger(tool("t1", 0, 10, "lookup_order", "{\"order_id\":\"A1\"}"));
    Files.writeString(
        ledgerFile(),
        "{\"ts_ms\":" + (T0 + 20) + ",\"kind\":\"tool\",\"tool\":\"look",
        StandardOpenOption.APPEND);

    try (ServedCalls served = ServedCalls.open(ledgerFile(), DATASET)) {
      assertThat(served.served(record("t1", "args", 0, 100)))
          .hasValueSatisfying(calls -> assertThat(calls).hasSize(1));
    }
  }

  @Test
  void readsNothingWhenNoItemChecksArguments() {
    Dataset namesOnly =
        new Dataset("shop", "1", "qa", List.of(), List.of(DATASET.items().get(1)), null);
    ledger(tool("t1", 0, 10, "lookup_order", "{\"order_id\":\"A1\"}"));

    assertThat(ServedCalls.open(ledgerFile(), namesOnly)).isSameAs(ServedCalls.NONE);
    assertThat(ServedCalls.open(ledgerFile(), null)).isSameAs(ServedCalls.NONE);
    assertThat(ServedCalls.open(dir.resolve("missing.jsonl"), DATASET)).isSameAs(ServedCalls.NONE);
  }

  private Path ledgerFile() {
    return dir.resolve("ledger.jsonl");
  }

  private void ledger(LedgerEntry... entries) {
    try (JsonLinesWriter<LedgerEntry> out = JsonLinesWriter.append(ledgerFile())) {
      for (LedgerEntry entry : entries) {
        out.write(entry);
      }
    }
  }

  private static LedgerEntry tool(
      String taskId, int index, long offsetMs, String tool, String arguments) {
    return new LedgerEntry(
        T0 + offsetMs,
        LedgerEntry.TOOL,
        null,
        null,
        tool,
        taskId,
        null,
        index,
        200,
        0,
        0,
        0,
        null,
        false,
        1,
        2,
        json(arguments));
  }

  private static LedgerEntry llm(String taskId, long offsetMs) {
    return new LedgerEntry(
        T0 + offsetMs,
        LedgerEntry.LLM,
        "primary",
        "gpt",
        null,
        taskId,
        null,
        0,
        200,
        10,
        5,
        0,
        null,
        false,
        1,
        2);
  }

  private static TaskRecord record(
      String taskId, String itemId, long startOffsetMs, long latencyMs, String... reported) {
    return new TaskRecord(
        taskId, itemId, 0, T0 + startOffsetMs, latencyMs, 200, "done", null, List.of(reported));
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
