package dev.gauntlet.run;

/**
 * One call that the fault plane served, written to {@code ledger.jsonl}: the ground truth for cost, faults and
 * hallucinated tool calls.
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
 */
public record LedgerEntry(
    long tsMs, String kind, String provider, String model, String tool, String taskId, String itemId, int callIndex,
    int status, long inputTokens, long outputTokens, double costUsd, String fault, boolean hallucinated,
    long firstByteMs, long lastByteMs) {

  public static final String LLM = "llm";
  public static final String TOOL = "tool";
}
