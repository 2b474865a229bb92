package dev.gauntlet.faults.network.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import java.util.function.Consumer;

/**
 * Opens the proxies' sockets on one event loop group, tuned for throughput without costing latency: no Nagle,
 * reads sized up to 1 MiB when the peer sends that fast, a 1–2 MiB write buffer before the writer is told to wait,
 * and no reading until the connection's links are wired. Thread-safe.
 */
final class Sockets {

  private static final AdaptiveRecvByteBufAllocator READS =
      new AdaptiveRecvByteBufAllocator(4096, 65536, 1 << 20);
  private static final WriteBufferWaterMark WRITES = new WriteBufferWaterMark(1 << 20, 2 << 20);

  private final Transport transport;
  private final EventLoopGroup group;

  Sockets(Transport transport, EventLoopGroup group) {
    this.transport = transport;
    this.group = group;
  }

  /** Listens at {@code at}, handing each accepted socket, not yet reading, to {@code accepted}. */
  ChannelFuture listen(Address at, Consumer<Channel> accepted) {
    return new ServerBootstrap()
        .group(group)
        .channel(transport.serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITES)
        .childHandler(
            new ChannelInitializer<>() {
              @Override
              protected void initChannel(Channel channel) {
                accepted.accept(channel);
              }
            })
        .bind(at.host(), at.port());
  }

  /** Connects to {@code to} from {@code loop}, so that both sockets of a connection share one thread. */
  ChannelFuture connect(EventLoop loop, Address to) {
    return new Bootstrap()
        .group(loop)
        .channel(transport.socketChannel())
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.RCVBUF_ALLOCATOR, READS)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITES)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
        .handler(new ChannelInboundHandlerAdapter())
        .connect(to.host(), to.port());
  }
}
