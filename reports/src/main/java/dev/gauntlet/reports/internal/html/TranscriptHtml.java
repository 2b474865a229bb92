package dev.gauntlet.reports.internal.html;

import dev.gauntlet.reports.internal.Format;
import dev.gauntlet.reports.internal.detail.Transcript;
import dev.gauntlet.reports.internal.detail.TranscriptText;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.run.TaskRecord;
import java.util.Locale;

/** One worst task as a collapsible block; every value is escaped. Thread-safe (stateless). */
final class TranscriptHtml {

  private TranscriptHtml() {}

  /** Appends {@code t}; {@code open} shows it unfolded. */
  static void append(StringBuilder html, Transcript t, boolean open) {
    TaskRecord task = t.task();
    html.append("<details class=\"task ")
        .append(t.kind().name().toLowerCase(Locale.ROOT))
        .append(open ? "\" open>" : "\">")
        .append("\n<summary><span class=\"badge\">")
        .append(t.kind().label())
        .append("</span> ")
        .append(Html.escape(task.taskId()))
        .append(" · item ")
        .append(Html.escape(task.itemId()))
        .append(" · ")
        .append(Format.number(task.latencyMs() / 1000.0, 3))
        .append(" s · HTTP ")
        .append(task.status());
    if (t.alike() > 1) {
      html.append(" · ").append(t.alike()).append(" tasks like it");
    }
    html.append("</summary>\n<dl>\n");
    if (t.item() != null) {
      field(html, "input", t.item().input());
      field(html, "expected", TranscriptText.expected(t.item().expected()));
    }
    field(html, "output", task.output() == null ? "(none)" : task.output());
    if (task.error() != null) {
      field(html, "error", task.error());
    }
    field(
        html,
        "tools the agent reports",
        task.toolCalls().isEmpty() ? "(none)" : String.join(", ", task.toolCalls()));
    html.append("</dl>\n");
    calls(html, t);
    html.append("</details>\n");
  }

  private static void field(StringBuilder html, String name, String value) {
    html.append("<dt>")
        .append(name)
        .append("</dt><dd><pre>")
        .append(Html.escape(value))
        .append("</pre></dd>\n");
  }

  private static void calls(StringBuilder html, Transcript t) {
    if (t.calls().isEmpty()) {
      html.append("<p class=\"calls\">The ledger holds no call for this task.</p>\n");
      return;
    }
    html.append(
            "<table class=\"calls\"><thead><tr><th>+ms</th><th>call</th><th>status</th><th>fault</th>")
        .append("<th>tokens in/out</th><th>first/last byte ms</th></tr></thead><tbody>\n");
    for (LedgerEntry call : t.calls()) {
      html.append("<tr><td>")
          .append(call.tsMs() - t.task().startMs())
          .append("</td><td>")
          .append(Html.escape(TranscriptText.callName(call)))
          .append("</td><td>")
          .append(call.status())
          .append("</td><td>")
          .append(Html.escape(call.fault() == null ? "" : call.fault()))
          .append(call.hallucinated() ? " hallucinated" : "")
          .append("</td><td>")
          .append(call.inputTokens())
          .append(" / ")
          .append(call.outputTokens())
          .append("</td><td>")
          .append(call.firstByteMs())
          .append(" / ")
          .append(call.lastByteMs())
          .append("</td></tr>\n");
    }
    html.append("</tbody></table>\n");
  }
}
