package dev.gauntlet.faults;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.PriceHints;
import dev.gauntlet.faults.admin.AdminServer;
import dev.gauntlet.faults.admin.FaultControl;
import dev.gauntlet.faults.admin.FaultState;
import dev.gauntlet.faults.admin.ServerRestart;
import dev.gauntlet.faults.internal.ActiveFaults;
import dev.gauntlet.faults.internal.InjectorRegistry;
import dev.gauntlet.faults.internal.Ledger;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.MockServer;
import dev.gauntlet.faults.internal.Timeline;
import dev.gauntlet.faults.internal.Tokens;
import dev.gauntlet.faults.internal.WarmUp;
import dev.gauntlet.faults.internal.http.ProviderServer;
import dev.gauntlet.faults.internal.passthrough.PassthroughRoutes;
import dev.gauntlet.faults.internal.provider.ChatHandler;
import dev.gauntlet.faults.internal.provider.ProviderCalls;
import dev.gauntlet.faults.internal.provider.ProviderTransformer;
import dev.gauntlet.faults.internal.provider.ScriptedModel;
import dev.gauntlet.faults.internal.proxies.NetworkInjector;
import dev.gauntlet.faults.internal.proxies.NetworkProxies;
import dev.gauntlet.faults.internal.selfhosted.SelfHostedServers;
import dev.gauntlet.faults.internal.tools.ToolTransformer;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Everything Gauntlet puts between the agent and its dependencies: an OpenAI- and Anthropic-compatible provider mock
 * per scenario provider (scripted, passing through to a real provider, or replaying recorded exchanges), a tool mock
 * answering from the dataset's fixtures, TCP proxies to its other dependencies on a Toxiproxy (the embedded one or
 * an external one) for network faults, a simulated model server on a port of its own per self-hosted provider (whose
 * GPU memory a {@code gpu_leak} fault leaks, sampled into {@code memory.jsonl}), the timeline that switches the
 * scenario's faults on and off, and an admin API on loopback through which a person can switch them by hand
 * ({@link AdminServer}). Every call served is written to the run's ledger, every switch to its timeline.
 *
 * <pre>{@code
 * try (FaultPlane plane = FaultPlane.start(scenario, dataset, run, Clock.systemUTC())) {
 *   agentEnv.put("OPENAI_BASE_URL", plane.providerBaseUrl("primary").toString());
 *   plane.startTimeline();
 *   // … drive the workload …
 * }
 * }</pre>
 *
 * <p>Thread-safe: the mocks serve concurrent calls; the schedule, {@link #switchOn}/{@link #switchOff} and
 * {@link #close()} may be called from any thread, and every switch is serialised with the others.
 */
public final class FaultPlane implements FaultControl, AutoCloseable {

  private final Scenario scenario;
  private final Dataset dataset;
  private final Ledger ledger;
  private final JsonLinesWriter<Timeline.Line> timelineOut;
  private final Timeline timeline;
  private final LedgerTimings providerTimings;
  private final LedgerTimings toolTimings;
  private final ProviderServer providers;
  private final MockServer tools;

  /** The self-hosted providers' servers; none (and no memory.jsonl) when the scenario has no such provider. */
  private final SelfHostedServers selfHosted;

  private final AdminServer admin;

  /** The network proxies and the Toxiproxy behind them, when the scenario has any. */
  private final Optional<NetworkProxies> network;

  private boolean closed;

  /**
   * What the plane needs beyond the scenario.
   *
   * @param upstreams      addresses ({@code host:port}) of symbolic proxy upstreams such as {@code redis}, started by
   *                       the caller
   * @param toxiproxyAlways whether to start the embedded Toxiproxy server even without proxies ({@code gauntlet
   *                       serve}, so that proxies can be made by hand)
   * @param toxiproxyPort  the embedded server's API port when the scenario's {@code network.api_port} is 0
   */
  public record Options(Map<String, String> upstreams, boolean toxiproxyAlways, int toxiproxyPort) {

    public Options {
      upstreams = Map.copyOf(upstreams);
    }

    /** No upstreams to resolve; a Toxiproxy only for the scenario's proxies, on any free port. */
    public static Options defaults() {
      return new Options(Map.of(), false, 0);
    }
  }

  private FaultPlane(
      Scenario scenario, Dataset dataset, RunDirectory run, Clock clock, Options options) {
    this.scenario = scenario;
    this.dataset = dataset;
    this.network =
        NetworkProxies.start(
            scenario.network(),
            options.upstreams(),
            scenario.seed(),
            options.toxiproxyAlways(),
            options.toxiproxyPort());
    ActiveFaults faults = new ActiveFaults(scenario.seed());
    InjectorRegistry injectors = InjectorRegistry.standard(faults);
    network.ifPresent(n -> injectors.register(Fault.Network.class, new NetworkInjector(n)));
    // The servers start below; a leak is only ever switched on after they have.
    injectors.register(
        Fault.GpuLeak.class, (spec, fault) -> selfHostedServers().injector().switchOn(spec, fault));
    try {
      scenario.faults().forEach(injectors::requireInjector);
    } catch (RuntimeException e) {
      network.ifPresent(NetworkProxies::close);
      throw e;
    }
    this.ledger = Ledger.open(run.ledger());
    this.timelineOut = JsonLinesWriter.append(run.timeline());
    this.timeline = new Timeline(scenario.faults(), injectors, timelineOut, clock);
    this.providerTimings = new LedgerTimings("gauntlet-provider-ledger", ledger);
    this.toolTimings = new LedgerTimings("gauntlet-tool-ledger", ledger);
    ScriptedModel scripted = new ScriptedModel(dataset);
    ProviderCalls calls = new ProviderCalls(scenario, scripted, faults, providerTimings, clock);
    ChatHandler chat = new ChatHandler(calls);
    Tokens.count("warm up"); // loads the encoding now rather than on the agent's first call
    PassthroughRoutes passthrough = startOrClose(() -> new PassthroughRoutes(scenario, calls));
    ProviderTransformer routes = new ProviderTransformer(scenario, chat, calls, passthrough);
    // A self-hosted provider is only reached through its own server, whose device every completion
    // must pass.
    ProviderTransformer shared =
        new ProviderTransformer(hostedOnly(scenario), chat, calls, passthrough);
    this.providers =
        startOrClose(
            () ->
                ProviderServer.start(
                    scenario.faultPlane().providerPort(),
                    "fault_plane.provider_port",
                    shared,
                    providerTimings));
    this.selfHosted =
        startOrClose(
            () ->
                SelfHostedServers.start(
                    scenario, routes, providerTimings, clock, timelineOut, run));
    this.tools =
        startOrClose(
            () ->
                MockServer.start(
                    scenario.faultPlane().toolsPort(),
                    "fault_plane.tools_port",
                    new ToolTransformer(dataset, toolTimings, clock),
                    toolTimings));
    this.admin = startOrClose(() -> AdminServer.start(scenario.faultPlane().adminPort(), this));
  }

  private static Scenario hostedOnly(Scenario scenario) {
    return new Scenario(
        scenario.name(),
        scenario.seed(),
        scenario.target(),
        scenario.dataset(),
        scenario.providers().stream().filter(p -> !p.isSelfHosted()).toList(),
        scenario.prices(),
        scenario.workload(),
        scenario.faults(),
        scenario.slos(),
        scenario.evaluation(),
        scenario.faultPlane(),
        scenario.network(),
        scenario.source());
  }

  private SelfHostedServers selfHostedServers() {
    return selfHosted;
  }

  /** Starts a server; if that fails, closes what is already open so that no file or port leaks. */
  private <S> S startOrClose(Supplier<S> server) {
    try {
      return server.get();
    } catch (RuntimeException e) {
      if (providers != null) {
        providers.close();
      }
      if (tools != null) {
        tools.close();
      }
      if (selfHosted != null) {
        selfHosted.close();
      }
      network.ifPresent(NetworkProxies::close);
      ledger.close();
      timelineOut.close();
      throw e;
    }
  }

  /**
   * Starts the provider and tool mocks and the admin API on the scenario's loopback ports (free ones by default) and
   * opens {@code run.ledger()} and {@code run.timeline()} for appending. LLM calls cost the scenario's prices; a
   * model they do not list costs the dataset's price hint for it ({@link PriceHints}), if there is one. Faults stay
   * off until {@link #startTimeline()} or {@link #switchOn}.
   *
   * @throws IllegalArgumentException when a scenario fault has a kind no injector handles
   * @throws IllegalStateException    when a pass-through provider's {@code api_key_env} names a variable that is not set
   */
  public static FaultPlane start(
      Scenario scenario, Dataset dataset, RunDirectory run, Clock clock) {
    return start(scenario, dataset, run, clock, Options.defaults());
  }

  /**
   * Starts the plane as {@link #start(Scenario, Dataset, RunDirectory, Clock)} does, and the scenario's network
   * proxies with their symbolic upstreams resolved through {@code options}.
   *
   * @throws IllegalStateException also when the Toxiproxy API cannot be reached or a proxy cannot be made
   */
  public static FaultPlane start(
      Scenario scenario, Dataset dataset, RunDirectory run, Clock clock, Options options) {
    return new FaultPlane(PriceHints.apply(scenario, dataset), dataset, run, clock, options);
  }

  /** The Toxiproxy API the network proxies are made on, if the plane runs any. */
  public Optional<URI> toxiproxyUrl() {
    return network.map(NetworkProxies::api);
  }

  /** Each network proxy's listen address ({@code host:port}), by name, in scenario order; empty without proxies. */
  public Map<String, String> proxies() {
    return network.map(NetworkProxies::listens).orElse(Map.of());
  }

  /**
   * The OpenAI base URL of provider {@code providerName}, such as {@code http://127.0.0.1:PORT/providers/primary/v1},
   * or {@code http://127.0.0.1:PORT/v1} on its own port for a self-hosted provider.
   *
   * @throws IllegalArgumentException when the scenario declares no provider of that name
   */
  public URI providerBaseUrl(String providerName) {
    if (scenario.provider(providerName).isEmpty()) {
      throw new IllegalArgumentException(
          "provider must be one of "
              + scenario.providers().stream()
                  .map(Provider::name)
                  .collect(Collectors.joining(", ", "[", "]"))
              + ", but was "
              + providerName);
    }
    return selfHosted
        .root(providerName)
        .map(root -> URI.create(root + "/v1"))
        .orElseGet(() -> URI.create(providers.baseUrl() + "/providers/" + providerName + "/v1"));
  }

  /**
   * How late the provider mock has written the events of its paced streams so far, against when their pace made them
   * due (self-hosted providers' own servers not included); {@link StreamPacing#since} gives a stretch of a run.
   */
  public StreamPacing streamPacing() {
    return new StreamPacing(providers.lateness().counts());
  }

  /**
   * Warms the provider and tool mocks before a run's clock starts: sends each scripted provider (not a self-hosted,
   * pass-through or replaying one, whose state or upstream the calls would touch) OpenAI and Anthropic calls, whole and
   * streamed, for the dataset's first items, and the tool mock their fixtures' calls, through the real loopback
   * sockets, round after round until {@code rounds} rounds or {@code budget} have passed. The calls are kept out of
   * the ledger and change no seeded draw of a real task ({@link WarmUp}); call it before {@link #startTimeline()},
   * while every fault is off, so that no quota counts them.
   */
  public WarmUpResult warmUp(int rounds, Duration budget) {
    List<Provider> warmed =
        scenario.providers().stream()
            .filter(p -> p.mode() == Provider.Mode.SCRIPTED && !p.isSelfHosted())
            .toList();
    return new WarmUp(
            warmed.stream().map(p -> providerBaseUrl(p.name())).toList(),
            warmed.stream().map(Provider::model).toList(),
            tools.baseUrl(),
            dataset,
            WARM_UP_ITEMS)
        .run(rounds, budget);
  }

  /** Dataset items a warm-up asks with: enough for every scripted step kind, few enough to stay quick. */
  private static final int WARM_UP_ITEMS = 10;

  /**
   * The root URL of a self-hosted provider's server, {@code http://127.0.0.1:PORT}, where {@code /v1},
   * {@code /health}, {@code /metrics} and {@code POST /gauntlet/restart} are; empty for any other provider.
   */
  public Optional<URI> selfHostedUrl(String providerName) {
    return selfHosted.root(providerName);
  }

  /**
   * Restarts a self-hosted provider's server now, by hand, as its own {@code POST /gauntlet/restart} does: its
   * leaked memory is given back and it answers again after its cold start. Writes a {@code restart} line with
   * {@code "by": "manual"} to the timeline.
   *
   * @throws IllegalArgumentException when {@code providerName} is not a self-hosted provider of the scenario
   */
  @Override
  public ServerRestart restart(String providerName) {
    return new ServerRestart(providerName, selfHosted.restart(providerName, FaultState.MANUAL));
  }

  /** The tool mock's base URL, {@code http://127.0.0.1:PORT}; tools are at {@code /tools} and {@code /tools/{name}}. */
  public URI toolsBaseUrl() {
    return tools.baseUrl();
  }

  /** The admin API's base URL, {@code http://127.0.0.1:PORT}; see {@link AdminServer} for its endpoints. */
  public URI adminBaseUrl() {
    return admin.baseUrl();
  }

  /**
   * Takes t0 from the clock and switches each fault on at t0 + its window's start and off at its end, writing a
   * timeline line for each. Faults whose window starts at zero are on when this returns. A scheduled switch that
   * finds the fault already as it wants it (switched by hand) does nothing.
   *
   * @throws IllegalStateException when called twice (the admin API's {@code POST /schedule/start} counts) or after
   *     {@link #close()}
   */
  @Override
  public void startTimeline() {
    timeline.start();
  }

  /** When the timeline started, or empty if it has not yet. */
  @Override
  public Optional<Instant> timelineStartedAt() {
    return timeline.startedAt();
  }

  /** Every scenario fault as it stands now (on or off, and who switched it last), in scenario order. */
  @Override
  public List<FaultState> faults() {
    return timeline.states();
  }

  /**
   * Switches fault {@code name} on now, by hand, and writes an {@code on} line with {@code "by": "manual"} to the
   * timeline. The schedule still switches it off when its window ends, if the timeline is running.
   *
   * @throws IllegalArgumentException when the scenario has no fault of that name
   * @throws IllegalStateException    when it is already on (by hand or by the schedule), or after {@link #close()}
   */
  @Override
  public FaultState switchOn(String name) {
    return timeline.switchOn(name);
  }

  /**
   * Switches fault {@code name} off now, by hand, and writes an {@code off} line with {@code "by": "manual"} to the
   * timeline. The schedule still switches it on when its window starts, if that is still to come.
   *
   * @throws IllegalArgumentException when the scenario has no fault of that name
   * @throws IllegalStateException    when it is already off, or after {@link #close()}
   */
  @Override
  public FaultState switchOff(String name) {
    return timeline.switchOff(name);
  }

  /**
   * Stops the admin API, switches off every fault still on (writing its {@code off} line, {@code "by": "shutdown"}),
   * stops the mocks, closes the files. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    admin.close();
    timeline.close();
    selfHosted.close();
    providers.close();
    tools.close();
    network.ifPresent(NetworkProxies::close);
    providerTimings.flush();
    toolTimings.flush();
    ledger.close();
    timelineOut.close();
  }
}
