package dev.gauntlet.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scenario file, loaded and validated: what to test, how hard to push, what to break and what must hold.
 * Immutable and thread-safe.
 *
 * @param name      short name, used in run directory names and reports
 * @param seed      root of every random choice in the run
 * @param target    the agent deployment under test
 * @param dataset   name of the golden dataset under {@code golden-datasets/}
 * @param providers LLM providers the fault plane serves, in the agent's order of preference
 * @param prices    USD per million tokens, by model name
 * @param workload  arrival profile and task protocol
 * @param faults    faults switched on and off by the timeline
 * @param slos      objectives that make up the verdict
 * @param evaluation how the run is scored over time
 * @param faultPlane where the provider and tool mocks listen
 * @param network   the TCP proxies between the agent and its other dependencies, for network faults
 * @param source    file the scenario was read from
 */
public record Scenario(
    String name,
    long seed,
    Target target,
    String dataset,
    List<Provider> providers,
    Map<String, Price> prices,
    Workload workload,
    List<FaultSpec> faults,
    List<SloSpec> slos,
    Evaluation evaluation,
    FaultPlaneSpec faultPlane,
    Network network,
    Path source) {

  public Scenario {
    network = network == null ? Network.none() : network;
    providers = List.copyOf(providers);
    prices = Map.copyOf(prices);
    faults = List.copyOf(faults);
    slos = List.copyOf(slos);
  }

  /** A scenario without network proxies. */
  public Scenario(
      String name,
      long seed,
      Target target,
      String dataset,
      List<Provider> providers,
      Map<String, Price> prices,
      Workload workload,
      List<FaultSpec> faults,
      List<SloSpec> slos,
      Evaluation evaluation,
      FaultPlaneSpec faultPlane,
      Path source) {
    this(
        name,
        seed,
        target,
        dataset,
        providers,
        prices,
        workload,
        faults,
        slos,
        evaluation,
        faultPlane,
        Network.none(),
        source);
  }

  /** This scenario with {@code newPrices} in place of its prices (such as with a dataset's hints filled in). */
  public Scenario withPrices(Map<String, Price> newPrices) {
    return new Scenario(
        name,
        seed,
        target,
        dataset,
        providers,
        newPrices,
        workload,
        faults,
        slos,
        evaluation,
        faultPlane,
        network,
        source);
  }

  /** The provider with this name, if the scenario declares one. */
  public Optional<Provider> provider(String providerName) {
    return providers.stream().filter(p -> p.name().equals(providerName)).findFirst();
  }
}
