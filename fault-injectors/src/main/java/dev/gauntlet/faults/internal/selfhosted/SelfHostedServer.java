package dev.gauntlet.faults.internal.selfhosted;

import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.http.ProviderServer;
import dev.gauntlet.faults.internal.provider.ProviderTransformer;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.run.MemorySample;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Provider;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One simulated self-hosted model server on a loopback port of its own: the provider's scripted OpenAI answers
 * under {@code /v1}, its {@link Gpu}, {@code /health}, {@code /metrics} and {@code POST /gauntlet/restart}. A
 * restart writes the memory just before and just after it to {@code memory.jsonl} and resets every connection left
 * hanging by a crash, as a killed process would. Thread-safe.
 */
final class SelfHostedServer implements AutoCloseable {

  private final Provider provider;
  private final Gpu gpu;
  private final Clock clock;
  private final Consumer<MemorySample> samples;
  private final ScheduledExecutorService timer;
  private final Set<Channel> hanging = ConcurrentHashMap.newKeySet();
  private final ProviderServer http;

  SelfHostedServer(
      Provider provider,
      ProviderTransformer routes,
      LedgerTimings timings,
      Clock clock,
      ServerEvents events,
      Consumer<MemorySample> samples,
      ScheduledExecutorService timer) {
    this.provider = provider;
    this.gpu = new Gpu(provider.selfHosted(), clock, events);
    this.clock = clock;
    this.samples = samples;
    this.timer = timer;
    this.http =
        ProviderServer.start(
            0,
            "providers[" + provider.name() + "].self_hosted",
            routes,
            timings,
            () -> new SelfHostedFront(this));
  }

  /** {@code http://127.0.0.1:PORT}: {@code /v1}, {@code /health}, {@code /metrics}, {@code /gauntlet/restart}. */
  URI root() {
    return http.baseUrl();
  }

  String name() {
    return provider.name();
  }

  String model() {
    return provider.model();
  }

  Gpu gpu() {
    return gpu;
  }

  /**
   * Restarts the server (see {@link Gpu#restart}) and schedules the end of its cold start.
   *
   * @return the cold start in milliseconds
   */
  long restart(String by) {
    Gpu.Snapshot[] around = gpu.restart(by);
    samples.accept(sample(around[0]));
    samples.accept(sample(around[1]));
    for (Channel channel : hanging) {
      channel.config().setOption(ChannelOption.SO_LINGER, 0);
      channel.close();
    }
    hanging.clear();
    long coldStartMs = provider.selfHosted().coldStart().toMillis();
    if (!timer.isShutdown()) {
      timer.schedule(
          gpu::settle, Math.max(0, gpu.readyAtMs() - clock.millis()) + 5, TimeUnit.MILLISECONDS);
    }
    return coldStartMs;
  }

  /** Keeps a connection the crashed server will never answer, to be reset at the next restart. */
  void hold(Channel channel) {
    hanging.add(channel);
    channel.closeFuture().addListener(f -> hanging.remove(channel));
  }

  /** Makes completions leak as {@code fault} says until the switch is closed. */
  FaultSwitch leak(FaultSpec spec, Fault.GpuLeak fault, long seed) {
    return gpu.leak(spec, fault, seed);
  }

  /** The device's memory now, as a line of {@code memory.jsonl}. */
  MemorySample sample() {
    return sample(gpu.snapshot());
  }

  private MemorySample sample(Gpu.Snapshot at) {
    return new MemorySample(
        clock.millis(), provider.name(), at.usedMb(), at.totalMb(), at.inferences(), at.restarts());
  }

  @Override
  public void close() {
    http.close();
  }
}
