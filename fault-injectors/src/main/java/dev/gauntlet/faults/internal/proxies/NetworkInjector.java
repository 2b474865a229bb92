package dev.gauntlet.faults.internal.proxies;

import dev.gauntlet.faults.spi.FaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;
import java.util.Map;

/**
 * Switches a {@code network} fault on as a toxic named after the fault (toxicity: the fault's probability) on its
 * proxy, or, for {@code down}, by disabling the proxy; off by removing the toxic or enabling the proxy again. Every
 * change goes through toxiproxy-java, so it works the same on any Toxiproxy back end. Thread-safe.
 */
public final class NetworkInjector implements FaultInjector<Fault.Network> {

  private final NetworkProxies proxies;

  public NetworkInjector(NetworkProxies proxies) {
    this.proxies = proxies;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.Network fault) {
    Proxy proxy = proxies.proxy(fault.proxy());
    try {
      if (fault.toxic() == Fault.Network.Toxic.DOWN) {
        proxy.disable();
        return () -> quietly(proxy::enable);
      }
      Toxic toxic = add(proxy.toxics(), spec.name(), fault);
      if (spec.probability() < 1) {
        toxic.setToxicity((float) spec.probability());
      }
      return () -> quietly(toxic::remove);
    } catch (IOException e) {
      throw new IllegalStateException(
          "could not switch on network fault "
              + spec.name()
              + " ("
              + fault.toxic().label()
              + " on proxy "
              + fault.proxy()
              + ") through the Toxiproxy API at "
              + proxies.api()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Toxic add(ToxicList toxics, String name, Fault.Network fault) throws IOException {
    ToxicDirection stream =
        fault.stream() == Fault.Network.Stream.UPSTREAM
            ? ToxicDirection.UPSTREAM
            : ToxicDirection.DOWNSTREAM;
    Map<String, Long> a = fault.attributes();
    return switch (fault.toxic()) {
      case LATENCY ->
          toxics.latency(name, stream, a.get("latency")).setJitter(a.getOrDefault("jitter", 0L));
      case BANDWIDTH -> toxics.bandwidth(name, stream, a.get("rate"));
      case SLOW_CLOSE -> toxics.slowClose(name, stream, a.get("delay"));
      case TIMEOUT -> toxics.timeout(name, stream, a.get("timeout"));
      case RESET_PEER -> toxics.resetPeer(name, stream, a.getOrDefault("timeout", 0L));
      case SLICER ->
          toxics
              .slicer(name, stream, a.get("average_size"), a.getOrDefault("delay", 0L))
              .setSizeVariation(a.getOrDefault("size_variation", 0L));
      case LIMIT_DATA -> toxics.limitData(name, stream, a.get("bytes"));
      case DOWN -> throw new IllegalArgumentException("down is not a toxic");
    };
  }

  /** A switch-off that must not fail the timeline: a Toxiproxy that is gone has nothing left to switch off. */
  private static void quietly(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      // the proxy or the server is gone: the fault is off
    }
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
