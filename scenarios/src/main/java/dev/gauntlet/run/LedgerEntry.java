package dev.gauntlet.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call that the fault plane served, written to {@code ledger.jsonl}: the ground truth for cost, faults and
 * hallucinated tool calls, and for the arguments of the tool calls an agent made.
 *
 * @param tsMs         epoch milliseconds when the call arrived
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
 */
public record LedgerEntry(
    long tsMs, String kind, String provider, String model, String tool, String taskId, String itemId, int callIndex,
    int status, long inputTokens, long outputTokens, double costUsd, String fault, boolean hallucinated,
    long firstByteMs, long lastByteMs, JsonNode arguments) {

  public static final String LLM = "llm";
  public static final String TOOL = "tool";

  public LedgerEntry {
    // An explicit "arguments": null reads as a JSON null node; it means the same as a line without the field.
    arguments = arguments == null || arguments.isNull() || arguments.isMissingNode() ? null : arguments;
  }

  /** An entry without tool arguments: an LLM call. */
  public LedgerEntry(long tsMs, String kind, String provider, String model, String tool, String taskId,
      String itemId, int callIndex, int status, long inputTokens, long outputTokens, double costUsd, String fault,
      boolean hallucinated, long firstByteMs, long lastByteMs) {
    this(tsMs, kind, provider, model, tool, taskId, itemId, callIndex, status, inputTokens, outputTokens, costUsd,
        fault, hallucinated, firstByteMs, lastByteMs, null);
  }

  /** This entry with the times its first and last byte went out, in milliseconds after the call arrived. */
  public LedgerEntry withByteTimes(long firstMs, long lastMs) {
    return new LedgerEntry(tsMs, kind, provider, model, tool, taskId, itemId, callIndex, status, inputTokens,
        outputTokens, costUsd, fault, hallucinated, firstMs, lastMs, arguments);
  }
}
