package dev.gauntlet.faults.internal.http;

import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.provider.ProviderTransformer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The provider mock's HTTP server, on a loopback port. Each request becomes a WireMock {@code Request} answered by
 * {@link ProviderTransformer}, the same routes and faults a WireMock server runs as an extension, and each answer
 * goes out through {@link Reply}: whole, after a delay, dropped, or as a stream whose events are written one by
 * one when its {@code Pace} schedules them. It is Netty, not WireMock's Jetty, because WireMock holds a thread per
 * delayed or dribbled response and sleeps between equal chunks: here no thread waits on a slow answer, thousands of
 * streams share the event loops, and every gap between two tokens is its own; where they can, two {@link Pacers}
 * pinned to two CPUs write the streams' tokens instead of the loops, and two {@link ArrivalWatch} watchers on the same
 * CPUs note when requests arrive, so that a CPU the hypervisor stops stops neither the tokens nor the clock of the
 * first. Answers that may block (providers passing through to an upstream) are computed on a separate pool, never on
 * an event loop. Thread-safe.
 */
public final class ProviderServer implements AutoCloseable {

  /** Largest request body read; Chat Completions requests with long histories stay well below it. */
  private static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

  private final EventLoopGroup loops;
  private final ExecutorService blocking;
  private final Channel listener;
  private final Lateness lateness;
  private final Pacers pacers;
  private final ArrivalWatch arrivals;

  private ProviderServer(
      EventLoopGroup loops,
      ExecutorService blocking,
      Channel listener,
      Lateness lateness,
      Pacers pacers,
      ArrivalWatch arrivals) {
    this.loops = loops;
    this.pacers = pacers;
    this.arrivals = arrivals;
    this.blocking = blocking;
    this.listener = listener;
    this.lateness = lateness;
  }

  /**
   * Starts a server on 127.0.0.1:{@code port} (0 for any free one) answered by {@code routes}, handing each call's
   * send times to {@code timings}.
   *
   * @throws IllegalStateException when the port cannot be bound, saying which and how to choose another
   */
  public static ProviderServer start(
      int port, String portSetting, ProviderTransformer routes, LedgerTimings timings) {
    return start(port, portSetting, routes, timings, null);
  }

  /**
   * Starts a server as {@link #start(int, String, ProviderTransformer, LedgerTimings)} does, with a handler of
   * {@code front}'s making on each connection ahead of the routes: it sees each whole request first and may answer it
   * itself, hold it, or pass it on (rewritten or not), and it sees every answer the routes send. A self-hosted model
   * server puts its device there.
   *
   * @param front makes one handler per connection; null for none
   */
  public static ProviderServer start(
      int port,
      String portSetting,
      ProviderTransformer routes,
      LedgerTimings timings,
      Supplier<ChannelHandler> front) {
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    EventLoopGroup loops =
        new MultiThreadIoEventLoopGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("gauntlet-provider", true),
            io);
    ExecutorService blocking =
        new ThreadPoolExecutor(
            0,
            512,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new DefaultThreadFactory("gauntlet-provider-upstream", true));
    Lateness lateness = new Lateness();
    Pacers pacers = Pacers.start("gauntlet-provider");
    ArrivalWatch arrivals = pacers == null ? null : ArrivalWatch.start("gauntlet-provider");
    Class<? extends ServerChannel> channel =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(loops)
            .channel(channel)
            .option(ChannelOption.SO_BACKLOG, 4096)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ArrivalWatch.Tracker arrived = new ArrivalWatch.Tracker(arrivals);
                    ch.pipeline()
                        .addLast(
                            arrived.reads(),
                            new HttpServerCodec(),
                            arrived.requests(),
                            new HttpServerExpectContinueHandler(),
                            new HttpObjectAggregator(MAX_REQUEST_BYTES));
                    if (front != null) {
                      ch.pipeline().addLast(front.get());
                    }
                    ch.pipeline()
                        .addLast(
                            new ClientConnection(
                                routes,
                                timings,
                                blocking,
                                lateness,
                                pacers,
                                arrived,
                                front == null));
                  }
                });
    try {
      Channel listener =
          bootstrap.bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
      return new ProviderServer(loops, blocking, listener, lateness, pacers, arrivals);
    } catch (RuntimeException e) {
      if (pacers != null) {
        pacers.close();
      }
      if (arrivals != null) {
        arrivals.close();
      }
      loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      blocking.shutdownNow();
      throw new IllegalStateException(
          "could not listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); is another process using it? set "
              + portSetting
              + " to a free port, or 0 for any",
          e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI baseUrl() {
    return URI.create(
        "http://127.0.0.1:" + ((InetSocketAddress) listener.localAddress()).getPort());
  }

  /** How late this server has written the events of its paced streams so far. */
  public Lateness lateness() {
    return lateness;
  }

  /** Stops listening, closes every connection (streams in flight end there) and stops the threads. Idempotent. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    if (pacers != null) {
      pacers.close();
    }
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    if (arrivals != null) {
      arrivals.close(); // after the loops: no connection can register with a closed epoll set
    }
    blocking.shutdownNow();
  }
}
