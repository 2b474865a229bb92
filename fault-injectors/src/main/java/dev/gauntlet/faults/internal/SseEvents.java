package dev.gauntlet.faults.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Server-sent events as the provider mocks write them: each event ends with a blank line. Stateless.
 */
public final class SseEvents {

  private SseEvents() {}

  /** {@code body} cut after each blank line; text after the last one (a cut stream) is an event of its own. */
  public static List<String> split(String body) {
    List<String> events = new ArrayList<>();
    int from = 0;
    for (int at = body.indexOf("\n\n"); at >= 0; at = body.indexOf("\n\n", from)) {
      events.add(body.substring(from, at + 2));
      from = at + 2;
    }
    if (from < body.length()) {
      events.add(body.substring(from));
    }
    return events;
  }

  /**
   * Whether {@code event} carries generated tokens, in any wire format the mocks speak: a Chat Completions chunk whose
   * delta holds content, a refusal or tool-call text (not the opening role delta, not the empty finishing one), an
   * Anthropic {@code content_block_delta}, or a Responses {@code ….delta} event.
   */
  public static boolean carriesToken(String event) {
    if (event.startsWith("event: ")) {
      int end = event.indexOf('\n');
      String type = end < 0 ? event.substring(7) : event.substring(7, end);
      return type.equals("content_block_delta") || type.endsWith(".delta");
    }
    int delta = event.indexOf("\"delta\":{");
    if (delta < 0) {
      return false;
    }
    return !event.startsWith("}", delta + 9) && !event.startsWith("\"role\"", delta + 9);
  }
}
