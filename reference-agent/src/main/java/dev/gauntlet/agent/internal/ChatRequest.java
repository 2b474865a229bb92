package dev.gauntlet.agent.internal;

import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionTool;
import java.util.List;

/**
 * One model turn to ask for. The message list is the task's live conversation, read but not
 * changed by the gateway; confined to the task's thread.
 *
 * @param messages the conversation so far
 * @param tools    the function tools to offer
 * @param taskId   forwarded as {@code X-Gauntlet-Task-Id}
 * @param meter    counts the LLM requests actually sent, retries included
 * @param tokens   receives the answer's text as it streams; {@link TokenSink#NONE} to ask for whole answers
 */
public record ChatRequest(
    List<ChatCompletionMessageParam> messages,
    List<ChatCompletionTool> tools,
    String taskId,
    TaskMeter meter,
    TokenSink tokens) {}
