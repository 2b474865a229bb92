package dev.gauntlet.faults.network.internal;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Optional;

/**
 * The Netty transport the servers run on: native epoll where it loads, NIO otherwise. Immutable.
 *
 * @param name          {@code epoll} or {@code nio}
 * @param ioHandlers    makes each event loop's I/O handler
 * @param serverChannel the listening socket class
 * @param socketChannel the connected socket class
 */
public record Transport(
    String name,
    IoHandlerFactory ioHandlers,
    Class<? extends ServerChannel> serverChannel,
    Class<? extends Channel> socketChannel) {

  /**
   * The transport {@code wanted} names: {@code epoll}, {@code nio}, or {@code auto} for epoll when it loads.
   *
   * @throws IllegalArgumentException for another name, or {@code epoll} where it does not load
   */
  public static Transport choose(String wanted) {
    return switch (wanted) {
      case "auto" -> epoll().orElseGet(Transport::nio);
      case "nio" -> nio();
      case "epoll" ->
          epoll()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "transport epoll does not load here (it needs Linux on x86_64); use nio or auto"));
      default ->
          throw new IllegalArgumentException(
              "transport must be auto, epoll or nio, but was " + wanted);
    };
  }

  /** A group of {@code threads} event loops, daemon threads named after {@code name}. */
  public EventLoopGroup group(int threads, String name) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory(name, true), ioHandlers);
  }

  private static Transport nio() {
    return new Transport(
        "nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
  }

  // The epoll classes come with netty-transport-native-epoll at runtime scope only, so they are
  // reached by name.
  private static Optional<Transport> epoll() {
    try {
      Class<?> epoll = Class.forName("io.netty.channel.epoll.Epoll");
      if (!(Boolean) epoll.getMethod("isAvailable").invoke(null)) {
        return Optional.empty();
      }
      IoHandlerFactory handlers =
          (IoHandlerFactory)
              Class.forName("io.netty.channel.epoll.EpollIoHandler")
                  .getMethod("newFactory")
                  .invoke(null);
      return Optional.of(
          new Transport(
              "epoll",
              handlers,
              Class.forName("io.netty.channel.epoll.EpollServerSocketChannel")
                  .asSubclass(ServerChannel.class),
              Class.forName("io.netty.channel.epoll.EpollSocketChannel")
                  .asSubclass(Channel.class)));
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }
}
