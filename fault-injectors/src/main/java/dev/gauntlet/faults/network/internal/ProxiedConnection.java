package dev.gauntlet.faults.network.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One client connection through a proxy and its connection to the upstream: two sockets on one event loop and the
 * two links between them. Thread-safe in that calls from other threads go through {@link #run}.
 */
final class ProxiedConnection {

  private final Proxy proxy;
  private final long ordinal;
  private final Channel client;
  private final Channel upstream;
  private Link up;
  private Link down;
  private int open = 2;

  ProxiedConnection(Proxy proxy, long ordinal, Channel client, Channel upstream) {
    this.proxy = proxy;
    this.ordinal = ordinal;
    this.client = client;
    this.upstream = upstream;
  }

  /**
   * Wires the links with {@code toxics}, passes on what the client sent while the upstream connection was being
   * made, and starts reading both sides. Call on the event loop.
   */
  void start(List<ToxicSpec> toxics) {
    up = new Link(this, client, upstream);
    down = new Link(this, upstream, client);
    toxics.forEach(this::add);
    EarlyReads early = client.pipeline().get(EarlyReads.class);
    client.pipeline().replace(early, "relay", new RelayHandler(this, up, down));
    upstream.pipeline().addLast(new RelayHandler(this, down, up));
    if (early.handOver(up)) {
      closed();
    }
    client.config().setAutoRead(true);
    upstream.config().setAutoRead(true);
  }

  /** Closes a connection that will not start, dropping what the client sent meanwhile. */
  void abandon() {
    client.pipeline().get(EarlyReads.class).discard();
    close();
  }

  /** Runs {@code change} on the connection's event loop; the future completes once it has run. */
  Future<?> run(Consumer<ProxiedConnection> change) {
    return client.eventLoop().submit(() -> change.accept(this));
  }

  void add(ToxicSpec spec) {
    link(spec).add(spec);
  }

  void update(ToxicSpec spec) {
    link(spec).update(spec);
  }

  void remove(ToxicSpec spec) {
    link(spec).remove(spec.name());
  }

  boolean applies(ToxicSpec spec) {
    return proxy.draws().applies(proxy.name(), ordinal, spec.name(), spec.toxicity());
  }

  RandomGenerator stageRandom(ToxicSpec spec) {
    return proxy.draws().stageRandom(proxy.name(), ordinal, spec.name());
  }

  /** Closes both sockets with SO_LINGER 0, so that both peers see a TCP RST. */
  void reset() {
    for (Channel channel : List.of(client, upstream)) {
      try {
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
      } catch (ChannelException closedAlready) {
        // that side is gone; closing it is all there is left to do
      }
      channel.close();
    }
  }

  /** Closes both sockets; the future completes once both are closed. */
  Future<Void> close() {
    client.close();
    // both sockets share one event loop, which runs the two closes in order
    return upstream.close();
  }

  /** Called as each socket closes; once both are, drops what the links hold and leaves the proxy. */
  void closed() {
    if (--open == 0) {
      up.dispose();
      down.dispose();
      proxy.forget(this);
    }
  }

  private Link link(ToxicSpec spec) {
    return spec.stream() == Direction.UPSTREAM ? up : down;
  }
}
