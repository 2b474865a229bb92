package dev.gauntlet.faults.internal.selfhosted;

import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.Timeline;
import dev.gauntlet.faults.internal.provider.ProviderTransformer;
import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.run.JsonLinesWriter;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Scenario;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The scenario's self-hosted model servers, one per provider with {@code self_hosted:}, each on a loopback port of
 * its own, and the sampler that writes each device's memory to {@code memory.jsonl} once a second. Their life (OOM,
 * crash, restart, ready) goes to the timeline beside the faults. With no self-hosted provider it starts nothing and
 * writes no file. Thread-safe.
 */
public final class SelfHostedServers implements AutoCloseable {

  /** How often each device's memory is written. */
  static final long SAMPLE_EVERY_MS = 1_000;

  private final Map<String, SelfHostedServer> servers = new LinkedHashMap<>();
  private final ScheduledExecutorService timer;
  private final JsonLinesWriter<MemorySample> memory;
  private final long seed;

  private SelfHostedServers(
      long seed, ScheduledExecutorService timer, JsonLinesWriter<MemorySample> memory) {
    this.seed = seed;
    this.timer = timer;
    this.memory = memory;
  }

  /**
   * Starts a server for every self-hosted provider of {@code scenario}, answered by {@code routes}, and starts
   * sampling them into {@code run.memory()}; their events are written to {@code timeline}.
   *
   * @throws IllegalStateException when a server cannot listen; those already started are closed
   */
  public static SelfHostedServers start(
      Scenario scenario,
      ProviderTransformer routes,
      LedgerTimings timings,
      Clock clock,
      JsonLinesWriter<Timeline.Line> timeline,
      RunDirectory run) {
    List<Provider> selfHosted =
        scenario.providers().stream().filter(Provider::isSelfHosted).toList();
    if (selfHosted.isEmpty()) {
      return new SelfHostedServers(scenario.seed(), null, null);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gauntlet-self-hosted");
              t.setDaemon(true);
              return t;
            });
    SelfHostedServers all =
        new SelfHostedServers(scenario.seed(), timer, JsonLinesWriter.append(run.memory()));
    try {
      for (Provider provider : selfHosted) {
        String leak =
            scenario.faults().stream()
                .filter(f -> f.fault() instanceof Fault.GpuLeak)
                .filter(f -> provider.name().equals(f.provider()))
                .map(FaultSpec::name)
                .findFirst()
                .orElse(null);
        ServerEvents events =
            (action, ts, by) ->
                timeline.write(
                    new Timeline.Line(ts, leak, "gpu_leak", action, provider.name(), by));
        all.servers.put(
            provider.name(),
            new SelfHostedServer(
                provider, routes, timings, clock, events, all.memory::write, timer));
      }
    } catch (RuntimeException e) {
      all.close();
      throw e;
    }
    timer.scheduleAtFixedRate(all::sampleAll, 0, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
    return all;
  }

  private void sampleAll() {
    servers.values().forEach(s -> memory.write(s.sample()));
  }

  /** The root URL of {@code provider}'s server, if it is self-hosted. */
  public Optional<URI> root(String provider) {
    return Optional.ofNullable(servers.get(provider)).map(SelfHostedServer::root);
  }

  /** The names of the self-hosted providers, in scenario order. */
  public List<String> names() {
    return List.copyOf(servers.keySet());
  }

  /**
   * Restarts {@code provider}'s server as its {@code POST /gauntlet/restart} does, {@code by} someone else.
   *
   * @return its cold start in milliseconds
   * @throws IllegalArgumentException when {@code provider} is not self-hosted
   */
  public long restart(String provider, String by) {
    SelfHostedServer server = servers.get(provider);
    if (server == null) {
      throw new IllegalArgumentException(
          "provider must be one of the self-hosted providers "
              + names()
              + ", but was '"
              + provider
              + "'");
    }
    return server.restart(by);
  }

  /** Switches a gpu_leak fault on the server of its {@code provider:}. */
  public FaultInjector<Fault.GpuLeak> injector() {
    return (spec, fault) -> {
      SelfHostedServer server = servers.get(spec.provider());
      if (server == null) {
        throw new IllegalArgumentException(
            "faults["
                + spec.name()
                + "].provider must name a self-hosted provider "
                + names()
                + ", but was '"
                + spec.provider()
                + "'");
      }
      return server.leak(spec, fault, seed);
    };
  }

  /** Stops sampling (after a last sample of each device) and the servers. Idempotent. */
  @Override
  public void close() {
    if (timer == null || timer.isShutdown()) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sampleAll();
    servers.values().forEach(SelfHostedServer::close);
    memory.close();
  }
}
