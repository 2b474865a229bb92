package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.run.Json;

/** The messages sent to the judge. The user message holds everything that varies, so it alone identifies a case. */
final class JudgePrompt {

  static final String SYSTEM =
      "You grade an AI agent's answer against a rubric. Reply with one JSON object and "
          + "nothing else: {\"score\": <a number from 0 to 1>, \"reason\": \"<one short sentence>\"}. A score of 1 means "
          + "the answer fully meets the rubric, 0 that it does not meet it at all.";

  private JudgePrompt() {}

  static String user(String rubric, String input, String output) {
    return "Rubric:\n"
        + rubric
        + "\n\nTask given to the agent:\n"
        + (input == null ? "(not recorded)" : input)
        + "\n\nThe agent's answer:\n"
        + output;
  }

  /** The Chat Completions request body, at temperature 0 so that the same case gets the same grade. */
  static String body(String model, String user) {
    ObjectNode body = Json.mapper().createObjectNode().put("model", model).put("temperature", 0);
    body.putArray("messages").add(message("system", SYSTEM)).add(message("user", user));
    return body.toString();
  }

  private static ObjectNode message(String role, String content) {
    return Json.mapper().createObjectNode().put("role", role).put("content", content);
  }
}
