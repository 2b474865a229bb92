package dev.gauntlet.faults.internal.provider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One wire format as pass-through needs it: what a request asks, the reply in an upstream's answer, and a turn
 * written back in the same format, so that turn faults can rewrite answers they did not make. Implementations are
 * stateless and thread-safe.
 */
public interface TurnCodec {

  /** What {@code request} (a JSON object) asks; {@code defaultModel} when it names no model. */
  Ask ask(JsonNode request, String defaultModel);

  /**
   * The reply in {@code body}, a successful answer (a stream of server-sent events when {@code streamed}); empty
   * when it is not one whole turn this codec can read back (not JSON, a stream cut short, several choices).
   */
  Optional<UpstreamReply> read(String body, boolean streamed);

  /**
   * {@code turn} as the answer to {@code request}, in the upstream's envelope, streamed or whole.
   *
   * @param inputTokens  the prompt tokens the answer reports
   * @param outputTokens the completion tokens the answer reports
   */
  String write(
      JsonNode request,
      UpstreamReply upstream,
      Turn turn,
      long inputTokens,
      long outputTokens,
      boolean streamed);
}
