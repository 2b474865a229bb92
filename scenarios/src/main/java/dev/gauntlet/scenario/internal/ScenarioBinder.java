package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Evaluation;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultPlaneSpec;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Network;
import dev.gauntlet.scenario.Price;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import dev.gauntlet.scenario.SloSpec;
import dev.gauntlet.scenario.Target;
import dev.gauntlet.scenario.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Binds a whole scenario document onto {@link Scenario}, section by section, then checks what spans sections
 * (a fault naming an unknown provider, a window after the workload ends, a recovery SLO without faults).
 */
public final class ScenarioBinder {

  private ScenarioBinder() {}

  /** The scenario, or null when any problem was recorded in {@code problems}. */
  public static Scenario bind(Node root, Path source, Problems problems) {
    YamlMap map = YamlMap.of(root, "", problems);
    String name = map.string("name", true);
    Long seed = map.integer("seed", false, Long.MIN_VALUE, Long.MAX_VALUE);
    Target target = TargetBinder.bind(map.map("target", true));
    String dataset = map.string("dataset", true);
    List<Provider> providers = providers(map, source);
    Map<String, Price> prices = prices(map.map("prices", false));
    Workload workload = WorkloadBinder.bind(map.map("workload", true));
    List<String> providerNames = providers.stream().map(Provider::name).toList();
    Duration workloadDuration =
        workload == null || workload.profile().isEmpty() ? null : workload.duration();
    List<FaultSpec> faults =
        each(map, "faults", (m, i) -> FaultBinder.bind(m, i, providerNames, workloadDuration));
    List<SloSpec> slos = each(map, "slos", (m, i) -> SloBinder.bind(m));
    Evaluation evaluation = evaluation(map.map("evaluation", false));
    FaultPlaneSpec faultPlane = faultPlane(map.map("fault_plane", false));
    Network network = NetworkBinder.bind(map.map("network", false));
    map.rejectUnknown();
    crossCheck(map, faults, slos);
    checkNetwork(map, faults, network, target);
    checkSelfHosted(map, faults, providers);
    checkPrices(map, providers, prices, slos);
    if (!problems.isEmpty()) {
      return null;
    }
    return new Scenario(
        name,
        seed == null ? 1L : seed,
        target,
        dataset,
        providers,
        prices,
        workload,
        faults,
        slos,
        evaluation,
        faultPlane,
        network,
        source);
  }

  /** Network faults name a proxy of {@code network:}; a proxy to the managed Redis needs {@code target.redis}. */
  private static void checkNetwork(
      YamlMap map, List<FaultSpec> faults, Network network, Target target) {
    List<Node> faultNodes = map.list("faults", false);
    List<String> proxies = network.proxies().stream().map(Network.Proxy::name).toList();
    for (int i = 0; i < faults.size(); i++) {
      if (faults.get(i).fault() instanceof Fault.Network n && network.proxy(n.proxy()).isEmpty()) {
        Node proxy =
            YamlMap.of(faultNodes.get(i), "faults[" + i + "]", map.problems())
                .value("proxy", false);
        map.problems()
            .add(
                proxy,
                "faults[" + i + "].proxy",
                "must name a proxy of network.proxies "
                    + proxies
                    + ", but was '"
                    + n.proxy()
                    + "'");
      }
    }
    boolean managed =
        network.proxies().stream().anyMatch(p -> p.upstream().equals(Network.MANAGED_REDIS));
    if (managed && target != null && !target.redis()) {
      map.problems()
          .add(
              map.value("network", false),
              "network.proxies",
              "forward to '"
                  + Network.MANAGED_REDIS
                  + "', the Redis Gauntlet starts, so target.redis must be managed, but it is not");
    }
  }

  /** A gpu_leak fault leaks on a simulated self-hosted server: its provider needs {@code self_hosted:}. */
  private static void checkSelfHosted(
      YamlMap map, List<FaultSpec> faults, List<Provider> providers) {
    List<Node> faultNodes = map.list("faults", false);
    List<String> selfHosted =
        providers.stream().filter(Provider::isSelfHosted).map(Provider::name).toList();
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec spec = faults.get(i);
      boolean hosted =
          providers.stream().anyMatch(p -> p.name().equals(spec.provider()) && !p.isSelfHosted());
      if (spec.fault() instanceof Fault.GpuLeak && hosted) {
        Node provider =
            YamlMap.of(faultNodes.get(i), "faults[" + i + "]", map.problems())
                .value("provider", false);
        map.problems()
            .add(
                provider,
                "faults[" + i + "].provider",
                "must name a provider with self_hosted: "
                    + selfHosted
                    + ", but '"
                    + spec.provider()
                    + "' has none");
      }
    }
  }

  private static List<Provider> providers(YamlMap map, Path source) {
    Path base =
        source == null || source.toAbsolutePath().getParent() == null
            ? Path.of("").toAbsolutePath()
            : source.toAbsolutePath().getParent();
    List<Provider> providers = each(map, "providers", (m, i) -> ProviderBinder.bind(m, base));
    if (providers.isEmpty() && map.value("providers", false) == null) {
      return List.of(new Provider("primary", "openai", "gpt-4o-mini"));
    }
    Set<String> seen = new HashSet<>();
    List<Node> nodes = map.list("providers", false);
    for (int i = 0; i < providers.size(); i++) {
      if (!seen.add(providers.get(i).name())) {
        map.problems()
            .add(
                nodes.get(i),
                "providers[" + i + "].name",
                "must be unique, but '" + providers.get(i).name() + "' is used twice");
      }
    }
    return providers;
  }

  private static Map<String, Price> prices(YamlMap map) {
    Map<String, Price> prices = new LinkedHashMap<>();
    if (map == null) {
      return prices;
    }
    for (String model : List.copyOf(map.keys())) {
      YamlMap price = map.map(model, true);
      Double in = price.number("input", true, 0, 1e6);
      Double out = price.number("output", true, 0, 1e6);
      price.rejectUnknown();
      if (in != null && out != null) {
        prices.put(model, new Price(in, out));
      }
    }
    return prices;
  }

  private static Evaluation evaluation(YamlMap map) {
    Evaluation d = Evaluation.defaults();
    if (map == null) {
      return d;
    }
    Duration bucket = map.duration("bucket", false);
    Duration window = map.duration("rolling_window", false);
    Long minSamples = map.integer("min_samples", false, 1, 1_000_000);
    Duration maxSendLag = map.duration("max_send_lag", false);
    Double minShare =
        map.has("min_arrival_share") ? map.number("min_arrival_share", true, 0, 1) : null;
    if (minShare != null && minShare == 0) {
      map.problems()
          .add(
              map.value("min_arrival_share", false),
              map.child("min_arrival_share"),
              "must be in (0, 1], but was 0");
    }
    Duration switchLag = map.duration("max_switch_lag", false);
    Duration mockLateness = map.duration("max_mock_lateness", false);
    map.rejectUnknown();
    return new Evaluation(
        bucket == null ? d.bucket() : bucket,
        window == null ? d.rollingWindow() : window,
        minSamples == null ? d.minSamples() : minSamples.intValue(),
        maxSendLag == null ? d.maxSendLag() : maxSendLag,
        minShare == null ? d.minArrivalShare() : minShare,
        switchLag == null ? d.maxSwitchLag() : switchLag,
        mockLateness == null ? d.maxMockLateness() : mockLateness);
  }

  private static FaultPlaneSpec faultPlane(YamlMap map) {
    if (map == null) {
      return FaultPlaneSpec.anyPorts();
    }
    Long providerPort = map.integer("provider_port", false, 0, 65535);
    Long toolsPort = map.integer("tools_port", false, 0, 65535);
    Long adminPort = map.integer("admin_port", false, 0, 65535);
    map.rejectUnknown();
    return new FaultPlaneSpec(portOrAny(providerPort), portOrAny(toolsPort), portOrAny(adminPort));
  }

  private static int portOrAny(Long port) {
    return port == null ? 0 : port.intValue();
  }

  private static <T> List<T> each(YamlMap map, String key, BiFunction<YamlMap, Integer, T> binder) {
    List<T> out = new ArrayList<>();
    List<Node> nodes = map.list(key, false);
    if (nodes == null) {
      return out;
    }
    for (int i = 0; i < nodes.size(); i++) {
      T value =
          binder.apply(YamlMap.of(nodes.get(i), map.child(key) + "[" + i + "]", map.problems()), i);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  /** A model without a price would cost 0 and pass any cost SLO: with a cost SLO, every model needs a price. */
  private static void checkPrices(
      YamlMap map, List<Provider> providers, Map<String, Price> prices, List<SloSpec> slos) {
    if (slos.stream().noneMatch(s -> s.metric().startsWith("cost."))) {
      return;
    }
    Set<String> unpriced = new java.util.TreeSet<>();
    providers.forEach(
        p -> {
          if (!prices.containsKey(p.model())) {
            unpriced.add(p.model());
          }
        });
    if (!unpriced.isEmpty()) {
      Node at = map.value("prices", false);
      map.problems()
          .add(
              at == null ? map.node() : at,
              "prices",
              "must price every provider model when an SLO is "
                  + "on cost, but "
                  + unpriced
                  + " "
                  + (unpriced.size() == 1 ? "has" : "have")
                  + " no price");
    }
  }

  private static void crossCheck(YamlMap map, List<FaultSpec> faults, List<SloSpec> slos) {
    List<Node> faultNodes = map.list("faults", false);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < faults.size(); i++) {
      if (!names.add(faults.get(i).name())) {
        map.problems()
            .add(
                faultNodes.get(i),
                "faults[" + i + "].name",
                "must be unique, but '" + faults.get(i).name() + "' is used twice");
      }
    }
    if (faults.isEmpty() && slos.stream().anyMatch(s -> s.metric().equals("recovery_time"))) {
      map.problems()
          .add(
              map.value("slos", false),
              "slos",
              "must not ask for recovery_time without faults, but the scenario has no faults");
    }
    checkLeakDetection(map, faults, slos);
  }

  /** Detection time runs from a gpu_leak window's start: without one it could never be measured. */
  private static void checkLeakDetection(YamlMap map, List<FaultSpec> faults, List<SloSpec> slos) {
    boolean leaks =
        faults.stream()
            .anyMatch(
                f -> f.fault() != null && "gpu_leak".equals(f.fault().kind().replace('-', '_')));
    if (!leaks && slos.stream().anyMatch(s -> s.metric().equals("leak.detection_time"))) {
      map.problems()
          .add(
              map.value("slos", false),
              "slos",
              "must not ask for leak.detection_time without a gpu_leak fault, but the scenario has none");
    }
  }
}
