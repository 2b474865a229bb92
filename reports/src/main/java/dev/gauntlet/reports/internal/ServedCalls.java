package dev.gauntlet.reports.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ToolCall;
import dev.gauntlet.run.Json;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The tool calls the tool mock served for each task, with the arguments the agent sent, read from
 * {@code ledger.jsonl} alongside {@code records.jsonl} so that a trajectory's arguments are scored from the ground
 * truth. Only opened when some item's expectation checks arguments ({@code arguments} or {@code one_of} in a
 * trajectory); otherwise the ledger is not read here at all.
 *
 * <p>A task's calls all arrive before it ends, and both files are written in about the order things finish, so
 * the ledger is read only as far as the latest task end seen plus {@link #LOOKAHEAD_MS}, and a task's calls are
 * dropped once its record has been read: what is held is the calls of tasks still in flight at that point of the
 * run, whatever the run's size. Calls of tasks that never got a record (a killed run) are dropped once the records
 * have moved {@link #HORIZON_MS} past their first call. Reading further than needed only costs memory, never a
 * wrong join. Lines are read with the streaming parser, building only a tool call's arguments, and LLM lines are not
 * parsed at all. Not thread-safe.
 */
public final class ServedCalls implements AutoCloseable {

  /** How far past the latest task end the ledger is read: clock skew and the ledger writer's lag. */
  static final long LOOKAHEAD_MS = 60_000;

  /** How long the calls of a task without a record are kept, counted from its first call. */
  static final long HORIZON_MS = 600_000;

  /** For a run whose dataset checks no arguments: joins nothing, reads nothing. */
  public static final ServedCalls NONE = new ServedCalls(Set.of(), null, null);

  private final Set<String> items;
  private final Path file;
  private final BufferedReader in;
  private final Map<String, List<Line>> pending = new LinkedHashMap<>();
  private String nextLine;
  private Line ahead;
  private long latestEndMs = Long.MIN_VALUE;

  private ServedCalls(Set<String> items, Path file, BufferedReader in) {
    this.items = items;
    this.file = file;
    this.in = in;
    this.nextLine = in == null ? null : readLine();
  }

  /** The join for {@code dataset}'s items that check arguments; {@link #NONE} when there are none or no ledger. */
  public static ServedCalls open(Path ledger, Dataset dataset) {
    Set<String> items = new HashSet<>();
    if (dataset != null) {
      dataset.items().stream()
          .filter(item -> checksArguments(item.expected()))
          .map(Item::id)
          .forEach(items::add);
    }
    if (items.isEmpty() || !Files.exists(ledger)) {
      return NONE;
    }
    try {
      return new ServedCalls(
          items, ledger, Files.newBufferedReader(ledger, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + ledger, e);
    }
  }

  /**
   * Reads the ledger up to {@code record}'s end and takes its task's calls out. For an item that checks arguments,
   * the calls the tool mock served for the task, in the order they arrived; empty (keep the agent's own report)
   * when the mock served none although the agent reports calls (its tools are not behind the mock, or nothing
   * forwarded the task id), or when a call's line has no arguments (a ledger written before they were kept).
   */
  public Optional<List<ToolCall>> served(TaskRecord record) {
    if (in == null) {
      return Optional.empty();
    }
    latestEndMs = Math.max(latestEndMs, record.endMs());
    readUntil(latestEndMs + LOOKAHEAD_MS);
    List<Line> lines = pending.remove(record.taskId());
    if (!items.contains(record.itemId())) {
      return Optional.empty();
    }
    if (lines == null) {
      return record.toolCalls().isEmpty() ? Optional.of(List.of()) : Optional.empty();
    }
    if (lines.stream().anyMatch(line -> line.arguments() == null)) {
      return Optional.empty();
    }
    return Optional.of(
        lines.stream()
            .sorted(Comparator.comparingInt(Line::callIndex))
            .map(line -> new ToolCall(line.tool(), line.arguments()))
            .toList());
  }

  /** Whether an expectation checks the arguments of some tool call, in a trajectory or any part of a composite. */
  static boolean checksArguments(Expectation expected) {
    return parts(expected)
        .anyMatch(
            part ->
                part instanceof Expectation.Trajectory trajectory
                    && trajectory.steps().stream()
                        .flatMap(step -> step.calls().stream())
                        .anyMatch(call -> !call.accepted().isEmpty()));
  }

  private static Stream<Expectation> parts(Expectation expected) {
    if (expected instanceof Expectation.AllOf allOf) {
      return allOf.parts().stream().flatMap(ServedCalls::parts);
    }
    if (expected instanceof Expectation.Weighted weighted) {
      return weighted.parts().stream().flatMap(part -> parts(part.expected()));
    }
    return Stream.of(expected);
  }

  private void readUntil(long limitMs) {
    while (true) {
      if (ahead == null) {
        ahead = nextToolCall();
        if (ahead == null) {
          return;
        }
      }
      if (ahead.tsMs() > limitMs) {
        return;
      }
      pending.computeIfAbsent(ahead.taskId(), task -> new ArrayList<>(2)).add(ahead);
      ahead = null;
    }
  }

  /** The next tool call with a task id, or null at the end; a last line cut short by a killed run is skipped. */
  private Line nextToolCall() {
    evictStale();
    while (nextLine != null) {
      String text = nextLine;
      nextLine = readLine();
      // Only tool lines name a tool; most lines are LLM calls, which are not parsed at all.
      if (text.isBlank() || !text.contains("\"tool\"")) {
        continue;
      }
      Line line;
      try {
        line = scan(text);
      } catch (IOException e) {
        if (nextLine == null) {
          return null;
        }
        throw new UncheckedIOException("could not read " + file, e);
      }
      if (line != null) {
        return line;
      }
    }
    return null;
  }

  /**
   * The tool call of a ledger line if it is one with a task, else null: read with the streaming parser, field by
   * field, building the arguments' tree and nothing else ({@link LedgerEntry}'s fields, by their JSON names).
   */
  private static Line scan(String text) throws IOException {
    try (JsonParser parser = Json.mapper().createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new JsonParseException(parser, "a ledger line must be a JSON object");
      }
      String kind = null;
      String taskId = null;
      String tool = null;
      long tsMs = 0;
      int callIndex = 0;
      JsonNode arguments = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "kind" -> kind = parser.getValueAsString();
          case "task_id" -> taskId = parser.getValueAsString();
          case "tool" -> tool = parser.getValueAsString();
          case "ts_ms" -> tsMs = parser.getValueAsLong();
          case "call_index" -> callIndex = parser.getValueAsInt();
          case "arguments" -> arguments = parser.readValueAsTree();
          default -> parser.skipChildren();
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT) {
        throw new JsonParseException(parser, "a ledger line must end its object");
      }
      boolean served = LedgerEntry.TOOL.equals(kind) && taskId != null && tool != null;
      return served
          ? new Line(
              tsMs,
              taskId,
              tool,
              callIndex,
              arguments == null || arguments.isNull() ? null : arguments)
          : null;
    }
  }

  /** A tool call of the ledger, kept until its task's record is read; {@code arguments} null in old ledgers. */
  private record Line(long tsMs, String taskId, String tool, int callIndex, JsonNode arguments) {}

  private void evictStale() {
    if (latestEndMs == Long.MIN_VALUE) {
      return;
    }
    Iterator<List<Line>> oldest = pending.values().iterator();
    while (oldest.hasNext() && oldest.next().get(0).tsMs() < latestEndMs - HORIZON_MS) {
      oldest.remove();
    }
  }

  private String readLine() {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + file, e);
    }
  }

  /** How many tasks' calls are held, for tests of the bound. */
  int held() {
    return pending.size();
  }

  @Override
  public void close() {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException("could not close " + file, e);
      }
    }
  }
}
