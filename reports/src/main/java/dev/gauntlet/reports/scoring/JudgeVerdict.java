package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the judge's grade from its reply: a JSON object with a numeric {@code score} (and a {@code reason}),
 * possibly inside a code fence or prose; failing that {@code score: 0.8}, {@code Score = 8/10} or a reply that is
 * only a number or a fraction. A fraction {@code n/d} is read as {@code n / d}.
 *
 * @param score  in [0, 1]
 * @param reason the judge's reason, empty when it gave none
 */
record JudgeVerdict(double score, String reason) {

  private static final Pattern LABELLED =
      Pattern.compile(
          "(?i)\\bscore\\b\\W{0,3}(-?\\d+(?:\\.\\d+)?)(?:\\s*/\\s*(\\d+(?:\\.\\d+)?))?");
  private static final Pattern BARE =
      Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)(?:\\s*/\\s*(\\d+(?:\\.\\d+)?))?\\s*");

  /**
   * The verdict in {@code reply}.
   *
   * @throws IllegalArgumentException saying what the reply lacked
   */
  static JudgeVerdict parse(String reply) {
    Optional<JudgeVerdict> verdict = json(reply).or(() -> labelled(reply));
    JudgeVerdict found =
        verdict.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the judge's reply must hold a "
                        + "score such as {\"score\": 0.8}, but was "
                        + Shown.quoted(reply)));
    if (!(found.score >= 0 && found.score <= 1)) {
      throw new IllegalArgumentException(
          "the judge's score must be in [0, 1], but was " + found.score);
    }
    return found;
  }

  private static Optional<JudgeVerdict> json(String reply) {
    int start = reply.indexOf('{');
    int end = reply.lastIndexOf('}');
    if (start < 0 || end < start) {
      return Optional.empty();
    }
    try {
      JsonNode json = Json.mapper().readTree(reply.substring(start, end + 1));
      JsonNode score = json.path("score");
      return score.isNumber()
          ? Optional.of(new JudgeVerdict(score.doubleValue(), json.path("reason").asText("")))
          : Optional.empty();
    } catch (Exception notJson) {
      return Optional.empty();
    }
  }

  private static Optional<JudgeVerdict> labelled(String reply) {
    Matcher matcher = LABELLED.matcher(reply);
    if (matcher.find()) {
      return Optional.of(new JudgeVerdict(fraction(matcher), ""));
    }
    Matcher bare = BARE.matcher(reply);
    return bare.matches() ? Optional.of(new JudgeVerdict(fraction(bare), "")) : Optional.empty();
  }

  private static double fraction(Matcher matcher) {
    double score = Double.parseDouble(matcher.group(1));
    return matcher.group(2) == null ? score : score / Double.parseDouble(matcher.group(2));
  }
}
