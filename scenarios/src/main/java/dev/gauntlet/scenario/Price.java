package dev.gauntlet.scenario;

/**
 * What a model costs, in USD per million tokens.
 */
public record Price(double inputPerMillion, double outputPerMillion) {

  /** Cost in USD of one call with these token counts. */
  public double cost(long inputTokens, long outputTokens) {
    return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000.0;
  }
}
