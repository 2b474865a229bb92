package dev.gauntlet.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * One call that the fault plane served, written to {@code ledger.jsonl}: the ground truth for cost, faults and
 * hallucinated tool calls, and for the arguments of the tool calls an agent made.
 *
 * @param tsMs         epoch milliseconds when the call was taken up by the mock ({@link #arrivedMs()} is its arrival)
 * @param kind         {@code llm} or {@code tool}
 * @param provider     provider name for LLM calls, null for tools
 * @param model        model asked for, null for tools
 * @param tool         tool name for tool calls, null for LLM calls
 * @param taskId       task the call belongs to, when known (from {@code X-Gauntlet-Task-Id})
 * @param itemId       dataset item the call was matched to, when known
 * @param callIndex    0-based index of this call among the task's calls of the same kind
 * @param status       HTTP status sent back, 0 when the connection was dropped
 * @param inputTokens  prompt tokens (LLM calls)
 * @param outputTokens completion tokens (LLM calls)
 * @param costUsd      cost of the call at the scenario's prices
 * @param fault        name of the fault applied to this call, null when none
 * @param hallucinated whether the call named a tool that is not in the catalog
 * @param firstByteMs  milliseconds from arrival until the first byte was sent
 * @param lastByteMs   milliseconds from arrival until the last byte was sent
 * @param arguments    for tool calls, the JSON object the agent sent as arguments (its body as a JSON string when it
 *                     was not a JSON object); null for LLM calls and in ledgers written before tool mocks kept them
 * @param pacedFirstMs when the first byte was due by the pace the scenario configured for the call (its latency
 *                     fault's time to first token, a fixed delay; 0 when nothing slowed it), in milliseconds after
 *                     the call arrived; null where the server does not know its plan (tool mock, dropped calls, ledgers
 *                     written before it was recorded)
 * @param pacedLastMs  when the last byte was due by that pace, in milliseconds after the call arrived; null likewise.
 *                     {@code lastByteMs - pacedLastMs} is how late the fault plane itself answered (its lateness)
 * @param queuedMs     milliseconds between the call's arrival and {@code tsMs} (the moment the mock took the call up
 *                     and stamped it): the call arrived at {@code tsMs - queuedMs}, and its byte times count from there;
 *                     null where the server does not know it (read as 0)
 */
public record LedgerEntry(
    long tsMs,
    String kind,
    String provider,
    String model,
    String tool,
    String taskId,
    String itemId,
    int callIndex,
    int status,
    long inputTokens,
    long outputTokens,
    double costUsd,
    String fault,
    boolean hallucinated,
    long firstByteMs,
    long lastByteMs,
    JsonNode arguments,
    Long pacedFirstMs,
    Long pacedLastMs,
    Long queuedMs) {

  public static final String LLM = "llm";
  public static final String TOOL = "tool";

  public LedgerEntry {
    // An explicit "arguments": null reads as a JSON null node; it means the same as a line without
    // the field.
    arguments =
        arguments == null || arguments.isNull() || arguments.isMissingNode() ? null : arguments;
  }

  /** An entry without the pace it was due at: a tool call, or one from a ledger written before paces were kept. */
  public LedgerEntry(
      long tsMs,
      String kind,
      String provider,
      String model,
      String tool,
      String taskId,
      String itemId,
      int callIndex,
      int status,
      long inputTokens,
      long outputTokens,
      double costUsd,
      String fault,
      boolean hallucinated,
      long firstByteMs,
      long lastByteMs,
      JsonNode arguments) {
    this(
        tsMs,
        kind,
        provider,
        model,
        tool,
        taskId,
        itemId,
        callIndex,
        status,
        inputTokens,
        outputTokens,
        costUsd,
        fault,
        hallucinated,
        firstByteMs,
        lastByteMs,
        arguments,
        null,
        null,
        null);
  }

  /** An entry without tool arguments: an LLM call. */
  public LedgerEntry(
      long tsMs,
      String kind,
      String provider,
      String model,
      String tool,
      String taskId,
      String itemId,
      int callIndex,
      int status,
      long inputTokens,
      long outputTokens,
      double costUsd,
      String fault,
      boolean hallucinated,
      long firstByteMs,
      long lastByteMs) {
    this(
        tsMs,
        kind,
        provider,
        model,
        tool,
        taskId,
        itemId,
        callIndex,
        status,
        inputTokens,
        outputTokens,
        costUsd,
        fault,
        hallucinated,
        firstByteMs,
        lastByteMs,
        null);
  }

  /** This entry with the times its first and last byte went out, in milliseconds after the call arrived. */
  public LedgerEntry withByteTimes(long firstMs, long lastMs) {
    return withByteTimes(firstMs, lastMs, pacedFirstMs, pacedLastMs);
  }

  /**
   * This entry with the times its first and last byte went out and the times its pace made them due, all in
   * milliseconds after the call arrived.
   */
  public LedgerEntry withByteTimes(long firstMs, long lastMs, Long pacedFirst, Long pacedLast) {
    return new LedgerEntry(
        tsMs,
        kind,
        provider,
        model,
        tool,
        taskId,
        itemId,
        callIndex,
        status,
        inputTokens,
        outputTokens,
        costUsd,
        fault,
        hallucinated,
        firstMs,
        lastMs,
        arguments,
        pacedFirst,
        pacedLast,
        queuedMs);
  }

  /** This entry with the milliseconds the call waited between its arrival and {@code tsMs}. */
  public LedgerEntry withQueued(long queued) {
    return new LedgerEntry(
        tsMs,
        kind,
        provider,
        model,
        tool,
        taskId,
        itemId,
        callIndex,
        status,
        inputTokens,
        outputTokens,
        costUsd,
        fault,
        hallucinated,
        firstByteMs,
        lastByteMs,
        arguments,
        pacedFirstMs,
        pacedLastMs,
        queued);
  }

  /** Epoch milliseconds the call arrived: {@code tsMs} less the time it waited before it was stamped. */
  public long arrivedMs() {
    return tsMs - (queuedMs == null ? 0 : queuedMs);
  }

  /** Epoch milliseconds its last byte went out (its arrival when nothing was sent). */
  public long endMs() {
    return arrivedMs() + Math.max(0, lastByteMs);
  }

  /**
   * How much later than its pace the last byte went out, in milliseconds (negative when early, which the
   * millisecond rounding allows); empty when the pace is not known or nothing was sent.
   */
  public OptionalLong lateMs() {
    return pacedLastMs == null || lastByteMs <= 0
        ? OptionalLong.empty()
        : OptionalLong.of(lastByteMs - pacedLastMs);
  }
}
