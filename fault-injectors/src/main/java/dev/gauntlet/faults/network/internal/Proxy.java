package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One proxy: a listener at {@code listen} that joins each client to a new connection to {@code upstream} through
 * the proxy's toxics. Calls from the API hold the proxy's monitor and may wait for the event loops; the event loops
 * never take that monitor, only {@link Wiring}'s short lock, so neither ever waits for the other. Thread-safe.
 */
final class Proxy {

  private static final long WAIT_SECONDS = 10;

  private final String name;
  private final Sockets sockets;
  private final Draws draws;
  private final Wiring wiring = new Wiring();
  private final AtomicLong accepted = new AtomicLong();
  private String listen;
  private String upstream;
  private volatile Address upstreamAddress;
  private boolean enabled;
  private Channel listener;

  Proxy(String name, String listen, String upstream, Sockets sockets, Draws draws) {
    Address.parse("listen", listen);
    this.upstreamAddress = Address.parse("upstream", upstream);
    this.name = name;
    this.listen = listen;
    this.upstream = upstream;
    this.sockets = sockets;
    this.draws = draws;
  }

  String name() {
    return name;
  }

  Draws draws() {
    return draws;
  }

  Wiring toxics() {
    return wiring;
  }

  synchronized String listen() {
    return listen;
  }

  synchronized String upstream() {
    return upstream;
  }

  /** Starts listening, unless it already is; {@code listen} then shows the port bound. */
  synchronized void start() {
    if (enabled) {
      return;
    }
    long opened = wiring.open();
    ChannelFuture bind =
        sockets.listen(
            Address.parse("listen", listen),
            client -> {
              client.pipeline().addLast(new EarlyReads());
              accept(client, opened);
            });
    if (!bind.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS) || !bind.isSuccess()) {
      wiring.shut();
      bind.channel().close();
      throw ApiError.internal("listen tcp " + listen + ": " + reason(bind));
    }
    listener = bind.channel();
    InetSocketAddress bound = (InetSocketAddress) listener.localAddress();
    listen = new Address(bound.getAddress().getHostAddress(), bound.getPort()).toString();
    enabled = true;
  }

  /** Closes the listener and every open connection, and waits for both. */
  synchronized void stop() {
    if (!enabled) {
      return;
    }
    enabled = false;
    List<ProxiedConnection> open = wiring.shut();
    listener.close().awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS);
    listener = null;
    open.stream()
        .map(ProxiedConnection::close)
        .toList()
        .forEach(closed -> closed.awaitUninterruptibly(WAIT_SECONDS, TimeUnit.SECONDS));
  }

  /** Applies {@code POST /proxies/{name}}: a new listen or upstream restarts the proxy, dropping connections. */
  synchronized void update(JsonNode body) {
    Json.object(body, "the proxy");
    String newListen = Json.text(body, "listen", listen);
    String newUpstream = Json.text(body, "upstream", upstream);
    boolean newEnabled = Json.bool(body, "enabled", enabled);
    Address.parse("listen", newListen);
    Address newAddress = Address.parse("upstream", newUpstream);
    if (!newListen.equals(listen) || !newUpstream.equals(upstream)) {
      stop();
      listen = newListen;
      upstream = newUpstream;
      upstreamAddress = newAddress;
    }
    if (newEnabled) {
      start();
    } else {
      stop();
    }
  }

  synchronized ObjectNode json() {
    ObjectNode node =
        Json.NODES
            .objectNode()
            .put("name", name)
            .put("listen", listen)
            .put("upstream", upstream)
            .put("enabled", enabled);
    ArrayNode list = node.putArray("toxics");
    wiring.list().forEach(toxic -> list.add(toxic.json()));
    return node;
  }

  void forget(ProxiedConnection connection) {
    wiring.forget(connection);
  }

  private void accept(Channel client, long opened) {
    long ordinal = accepted.getAndIncrement();
    sockets
        .connect(client.eventLoop(), upstreamAddress)
        .addListener(
            (ChannelFuture dialed) -> {
              if (!dialed.isSuccess()) {
                client.pipeline().get(EarlyReads.class).discard();
                client.close();
                return;
              }
              ProxiedConnection connection =
                  new ProxiedConnection(this, ordinal, client, dialed.channel());
              List<ToxicSpec> toxics = wiring.admit(connection, opened);
              if (toxics == null) {
                connection.abandon();
              } else {
                // still on the event loop, so the toxic changes sent to it from now on run after
                // this
                connection.start(toxics);
              }
            });
  }

  private static String reason(ChannelFuture bind) {
    Throwable cause = bind.cause();
    return cause == null
        ? "timed out after " + WAIT_SECONDS + " s"
        : String.valueOf(cause.getMessage());
  }
}
