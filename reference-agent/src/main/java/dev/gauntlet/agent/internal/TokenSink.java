package dev.gauntlet.agent.internal;

/**
 * Receives the text of a model's answer as the provider streams it, for a client that asked for the task as
 * server-sent events. A request with {@link #NONE} is sent to the provider without streaming. Implementations are
 * called from the task's thread only.
 */
public interface TokenSink {

  /** No client is listening: the provider is asked for whole answers, as for a synchronous task. */
  TokenSink NONE =
      new TokenSink() {
        @Override
        public void token(String text) {}

        @Override
        public void discard() {}
      };

  /** One piece of the answer's text, as it arrived; never empty. */
  void token(String text);

  /**
   * The attempt whose tokens were sent failed (a cut stream, a refusal, an error mid-stream) and the gateway tries
   * again; the text sent since the last discard is void.
   */
  void discard();

  /** Whether the provider should be asked to stream. */
  default boolean streams() {
    return this != NONE;
  }
}
