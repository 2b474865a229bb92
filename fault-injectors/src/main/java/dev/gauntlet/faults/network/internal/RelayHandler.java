package dev.gauntlet.faults.network.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Feeds one socket's events to the connection's two links: what it reads to the link it is the source of, its
 * writability to the link it is the destination of. Not shared between channels.
 */
final class RelayHandler extends ChannelInboundHandlerAdapter {

  private final ProxiedConnection connection;
  private final Link reads;
  private final Link writes;

  RelayHandler(ProxiedConnection connection, Link reads, Link writes) {
    this.connection = connection;
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    reads.read((ByteBuf) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    reads.readComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    writes.writabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    reads.sourceClosed();
    connection.closed();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // a reset or a write to a closed peer: Toxiproxy closes the connection, and so do we
    ctx.close();
  }
}
