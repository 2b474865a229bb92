package dev.gauntlet.reports.internal.detail;

import dev.gauntlet.dataset.DatasetWriter;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.reports.internal.Format;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import java.util.List;

/** Worst tasks as plain text, for Allure attachments and logs. Thread-safe (stateless). */
public final class TranscriptText {

  private static final int MAX_ARGUMENTS = 120;

  private TranscriptText() {}

  /** Every transcript, separated by blank lines. */
  public static String of(List<Transcript> transcripts) {
    StringBuilder text = new StringBuilder();
    transcripts.forEach(t -> append(text, t));
    return text.toString();
  }

  /** The expectation as a reader would state it: {@code contains "Paris", "France"}. */
  public static String expected(Expectation expectation) {
    if (expectation instanceof Expectation.Contains contains) {
      return "contains "
          + String.join(", ", contains.values().stream().map(v -> '"' + v + '"').toList());
    }
    if (expectation instanceof Expectation.Exact exact) {
      return "exactly \"" + exact.value() + '"';
    }
    if (expectation instanceof Expectation.JsonField field) {
      return "JSON whose " + field.pointer() + " is \"" + field.value() + '"';
    }
    return DatasetWriter.toJson(expectation).toString();
  }

  /** {@code llm primary/gpt-4o-mini}, or {@code tool lookup_order {"order_id":"A1"}} with the arguments sent. */
  public static String callName(LedgerEntry call) {
    return LedgerEntry.TOOL.equals(call.kind())
        ? "tool " + call.tool() + arguments(call)
        : call.kind() + " " + call.provider() + "/" + call.model();
  }

  /** The arguments a tool call was sent, cut to {@value #MAX_ARGUMENTS} characters; nothing for old ledgers. */
  private static String arguments(LedgerEntry call) {
    if (call.arguments() == null) {
      return "";
    }
    String json = call.arguments().toString();
    return " "
        + (json.length() <= MAX_ARGUMENTS ? json : json.substring(0, MAX_ARGUMENTS - 1) + "…");
  }

  private static void append(StringBuilder text, Transcript t) {
    TaskRecord task = t.task();
    text.append("== ")
        .append(t.kind().label())
        .append(": task ")
        .append(task.taskId())
        .append(", item ")
        .append(task.itemId())
        .append(", ")
        .append(Format.number(task.latencyMs() / 1000.0, 3))
        .append(" s, HTTP ")
        .append(task.status())
        .append(t.alike() > 1 ? ", " + t.alike() + " tasks like it" : "")
        .append('\n');
    if (t.item() != null) {
      text.append("input:    ")
          .append(t.item().input())
          .append('\n')
          .append("expected: ")
          .append(expected(t.item().expected()))
          .append('\n');
    }
    text.append("output:   ").append(task.output() == null ? "(none)" : task.output()).append('\n');
    if (task.error() != null) {
      text.append("error:    ").append(task.error()).append('\n');
    }
    for (LedgerEntry call : t.calls()) {
      text.append("  +")
          .append(call.tsMs() - task.startMs())
          .append(" ms ")
          .append(callName(call))
          .append(" -> ")
          .append(call.status())
          .append(call.fault() == null ? "" : " (fault " + call.fault() + ")")
          .append(call.hallucinated() ? " hallucinated" : "")
          .append('\n');
    }
    text.append('\n');
  }
}
