package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends one grading request to the judge and returns the text of its reply. Thread-safe. */
final class JudgeClient {

  private static final int SHOWN_BODY = 200;

  private final JudgeConfig config;
  private final HttpClient http;

  JudgeClient(JudgeConfig config) {
    this.config = config;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.timeout())
            .build();
  }

  /**
   * The content of the judge's first choice.
   *
   * @throws JudgeException saying what went wrong and, where it helps, what to check
   */
  String ask(String model, String user) throws JudgeException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(config.chatCompletions())
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JudgePrompt.body(model, user)));
    if (config.apiKey() != null) {
      request.header("Authorization", "Bearer " + config.apiKey());
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new JudgeException(
          "the judge at "
              + config.chatCompletions()
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + shown(response.body()));
    }
    return content(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) throws JudgeException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new JudgeException(
          "could not reach the judge at "
              + config.chatCompletions()
              + " within "
              + config.timeout().toSeconds()
              + " s ("
              + e
              + "); is it running? check "
              + JudgeConfig.BASE_URL_ENV);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new JudgeException(
          "interrupted while waiting for the judge at " + config.chatCompletions());
    }
  }

  private static String content(String body) throws JudgeException {
    try {
      JsonNode content =
          Json.mapper().readTree(body).path("choices").path(0).path("message").path("content");
      if (content.isTextual()) {
        return content.asText();
      }
    } catch (IOException notJson) {
      // reported below, with the body
    }
    throw new JudgeException(
        "the judge's answer must have choices[0].message.content, but was " + shown(body));
  }

  private static String shown(String body) {
    String line = body == null ? "" : body.replace('\n', ' ');
    return line.length() <= SHOWN_BODY ? line : line.substring(0, SHOWN_BODY) + "…";
  }

  /** Why no grade came back. */
  static final class JudgeException extends Exception {
    JudgeException(String message) {
      super(message);
    }
  }
}
