package dev.gauntlet.run;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a call the agent makes is tied back to the task it serves. The load generator sends every task with an
 * {@value #TASK_HEADER} header and a W3C {@code traceparent} whose trace id spells the task id; the fault plane
 * reads the header if the agent forwarded it, else the trace id if the agent propagates trace context (as
 * OpenTelemetry-instrumented agents do), so neither needs the agent to know about Gauntlet. Stateless, thread-safe.
 */
public final class TaskCorrelation {

  /** The header carrying the task id, forwarded by agents that are told to. */
  public static final String TASK_HEADER = "X-Gauntlet-Task-Id";

  /** The W3C trace-context header. */
  public static final String TRACEPARENT = "traceparent";

  private static final int TRACE_ID_BYTES = 16;
  private static final Pattern PARENT =
      Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
  private static final HexFormat HEX = HexFormat.of();

  private TaskCorrelation() {}

  /**
   * A {@code traceparent} whose trace id is the task id's bytes, zero-padded, with a span id from the same bytes;
   * empty when the id does not fit a trace id (over 16 bytes) or is blank.
   */
  public static Optional<String> traceparent(String taskId) {
    byte[] id = taskId == null ? new byte[0] : taskId.getBytes(StandardCharsets.UTF_8);
    if (id.length == 0 || id.length > TRACE_ID_BYTES || id[0] == 0) {
      return Optional.empty();
    }
    byte[] trace = new byte[TRACE_ID_BYTES];
    System.arraycopy(id, 0, trace, 0, id.length);
    // The span id repeats the id's first bytes: never all zero, as W3C requires, since ids start
    // printable.
    return Optional.of("00-" + HEX.formatHex(trace) + "-" + HEX.formatHex(trace, 0, 8) + "-01");
  }

  /** The task id a {@code traceparent} spells, if it is one that {@link #traceparent} wrote. */
  public static Optional<String> fromTraceparent(String traceparent) {
    Matcher m =
        traceparent == null
            ? null
            : PARENT.matcher(traceparent.trim().toLowerCase(java.util.Locale.ROOT));
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    byte[] trace = HEX.parseHex(m.group(1));
    int length = trace.length;
    while (length > 0 && trace[length - 1] == 0) {
      length--;
    }
    String id = new String(trace, 0, length, StandardCharsets.UTF_8);
    return length > 0 && id.chars().allMatch(c -> c >= 0x21 && c < 0x7f)
        ? Optional.of(id)
        : Optional.empty();
  }

  /** The task id of a call, from its headers ({@code header} looks one up by name, null when absent). */
  public static String taskId(UnaryOperator<String> header) {
    String direct = header.apply(TASK_HEADER);
    return direct != null ? direct : fromTraceparent(header.apply(TRACEPARENT)).orElse(null);
  }
}
