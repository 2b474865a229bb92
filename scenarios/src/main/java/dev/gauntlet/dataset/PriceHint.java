package dev.gauntlet.dataset;

/**
 * A price hint of {@code dataset.yaml}'s {@code prices}: what a model cost when the dataset was made, in USD per
 * million tokens, for scenarios to start from. Immutable.
 */
public record PriceHint(double inputPerMillion, double outputPerMillion) {}
