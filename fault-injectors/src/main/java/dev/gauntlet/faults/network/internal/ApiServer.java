package dev.gauntlet.faults.network.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API on one event loop and the proxies on a group of their own, so that the API may wait for a proxy to
 * bind or close without ever blocking a proxy's loop. Thread-safe.
 */
public final class ApiServer implements AutoCloseable {

  private final EventLoopGroup apiLoop;
  private final EventLoopGroup proxyLoops;
  private final Proxies proxies;
  private final Channel channel;

  private ApiServer(
      EventLoopGroup apiLoop, EventLoopGroup proxyLoops, Proxies proxies, Channel channel) {
    this.apiLoop = apiLoop;
    this.proxyLoops = proxyLoops;
    this.proxies = proxies;
    this.channel = channel;
  }

  /**
   * Starts the API at {@code host:port} with proxies on {@code threads} event loops.
   *
   * @throws IllegalStateException when the address cannot be bound, saying what was tried and how to fix it
   */
  public static ApiServer start(
      Transport transport, String host, int port, int threads, long seed) {
    EventLoopGroup apiLoop = transport.group(1, "toxiproxy-api");
    EventLoopGroup proxyLoops = transport.group(threads, "toxiproxy-proxy");
    Proxies proxies = new Proxies(new Sockets(transport, proxyLoops), new Draws(seed));
    ChannelFuture bind =
        new ServerBootstrap()
            .group(apiLoop)
            .channel(transport.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(
                new ChannelInitializer<>() {
                  private final ApiHandler handler = new ApiHandler(new ApiRoutes(proxies));

                  @Override
                  protected void initChannel(Channel channel) {
                    channel
                        .pipeline()
                        .addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), handler);
                  }
                })
            .bind(host, port)
            .awaitUninterruptibly();
    ApiServer server = new ApiServer(apiLoop, proxyLoops, proxies, bind.channel());
    if (!bind.isSuccess()) {
      server.close();
      throw new IllegalStateException(
          "could not listen on "
              + host
              + ":"
              + port
              + " ("
              + bind.cause().getMessage()
              + "); is another Toxiproxy using it? pass port 0 for any free port",
          bind.cause());
    }
    return server;
  }

  /** The port the API listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** Stops every proxy, then the API, and waits for their threads to end. */
  @Override
  public void close() {
    proxies.stopAll();
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    apiLoop.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    proxyLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
