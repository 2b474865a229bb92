package dev.gauntlet.scenario;

/**
 * The envelope every fault shares: which fault, when, how often and on what. The fault record itself holds only
 * its own attributes.
 *
 * @param name        unique name in the scenario, used in the timeline and the verdict ({@code outage-1})
 * @param window      when the fault is on
 * @param probability share of eligible calls it hits, in [0, 1]
 * @param provider    provider name it applies to, or null for every provider
 * @param model       model name it applies to, or null for every model
 * @param fault       the fault's own attributes
 */
public record FaultSpec(
    String name, Window window, double probability, String provider, String model, Fault fault) {

  /** Whether this fault applies to a call to {@code providerName} for {@code modelName}. */
  public boolean targets(String providerName, String modelName) {
    return (provider == null || provider.equals(providerName))
        && (model == null || model.equals(modelName));
  }
}
