package dev.gauntlet.reports.scoring;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the LLM judge is: an OpenAI-compatible Chat Completions endpoint. Immutable.
 *
 * @param baseUrl the OpenAI base URL, {@code /v1} included, as in {@code OPENAI_BASE_URL}; the judge posts to
 *                {@code baseUrl/chat/completions}
 * @param model   the model asked for, unless the item names one; null for none
 * @param apiKey  sent as {@code Authorization: Bearer …}; null to send none (a local server, Gauntlet's mock)
 * @param timeout how long one judgement may take, connecting included
 */
public record JudgeConfig(URI baseUrl, String model, String apiKey, Duration timeout) {

  /** The base URL's environment variable. */
  public static final String BASE_URL_ENV = "GAUNTLET_JUDGE_BASE_URL";

  /** The model's environment variable. */
  public static final String MODEL_ENV = "GAUNTLET_JUDGE_MODEL";

  /** The API key's environment variable. */
  public static final String API_KEY_ENV = "GAUNTLET_JUDGE_API_KEY";

  /** The timeout when none is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public JudgeConfig {
    if (baseUrl == null
        || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
      throw new IllegalArgumentException(
          BASE_URL_ENV
              + " must be an http or https URL such as "
              + "http://127.0.0.1:8080/v1, but was "
              + baseUrl);
    }
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  /**
   * The judge {@code env} describes, or null when {@link #BASE_URL_ENV} is unset or blank.
   *
   * @throws IllegalArgumentException when the base URL is not an http(s) URL
   */
  public static JudgeConfig fromEnvironment(Map<String, String> env) {
    String base = env.get(BASE_URL_ENV);
    if (base == null || base.isBlank()) {
      return null;
    }
    URI url;
    try {
      url = URI.create(base.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          BASE_URL_ENV
              + " must be an http or https URL such as "
              + "http://127.0.0.1:8080/v1, but was "
              + base
              + ": "
              + e.getMessage(),
          e);
    }
    return new JudgeConfig(
        url, blankToNull(env.get(MODEL_ENV)), blankToNull(env.get(API_KEY_ENV)), null);
  }

  /** {@code baseUrl/chat/completions}, with exactly one slash between. */
  URI chatCompletions() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
