package dev.gauntlet.faults.network.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;

/**
 * Keeps what a client sends while its proxy is still connecting upstream. Reading is off until then, but epoll
 * still reads a socket whose peer has closed, so a client that sends and closes at once would otherwise lose its
 * data. Not shared between channels.
 */
final class EarlyReads extends ChannelInboundHandlerAdapter {

  private final ArrayDeque<ByteBuf> kept = new ArrayDeque<>();
  private boolean closed;

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    kept.add((ByteBuf) msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
  }

  /** Hands what was kept to {@code link}, and the close if the client already closed; answers whether it had. */
  boolean handOver(Link link) {
    for (ByteBuf bytes = kept.poll(); bytes != null; bytes = kept.poll()) {
      link.read(bytes);
    }
    link.readComplete();
    if (closed) {
      link.sourceClosed();
    }
    return closed;
  }

  /** Drops what was kept: the connection will not be made. */
  void discard() {
    kept.forEach(ByteBuf::release);
    kept.clear();
  }
}
