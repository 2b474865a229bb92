package dev.gauntlet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * SPI: a kind of {@code expected} of your own, so that {@link DatasetLoader} accepts it instead of reporting an
 * unknown key. Items of this kind load as {@link Expectation.Custom}; the scorer that reads them is a
 * {@code dev.gauntlet.reports.scoring.Scorer} of the same {@link #name()}. Found with {@link java.util.ServiceLoader}:
 * list the class in {@code META-INF/services/dev.gauntlet.dataset.ExpectationKind}. Implementations need a public
 * no-argument constructor and must be thread-safe.
 *
 * <pre>{@code
 * public final class SentimentKind implements ExpectationKind {
 *   public String name() { return "sentiment"; }
 *   public List<String> check(JsonNode spec) {
 *     return spec.isTextual() ? List.of() : List.of("must be a string such as \"positive\", but was " + spec);
 *   }
 * }
 * }</pre>
 */
public interface ExpectationKind {

  /** The key of {@code expected} it is written under: lower-case letters, digits and {@code _}, not a built-in. */
  String name();

  /**
   * What is wrong with {@code spec}, the value under {@link #name()}, each in the form "must be …, but was …"; the
   * loader reports them at the item's line. Empty when it is valid.
   */
  List<String> check(JsonNode spec);
}
