package dev.gauntlet.faults.internal.http;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.provider.ProviderTransformer;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One client connection: turns each request into a WireMock {@code Request}, has the routes answer it, and sends the
 * answer through an {@link Reply}, one request at a time as HTTP/1.1 wants (a pipelined request waits until the
 * answer before it has gone out). Confined to the connection's event loop, except the routes' work for answers that
 * may block, which runs on {@code blocking} and comes back to the loop to be sent.
 */
final class ClientConnection extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final ProviderTransformer routes;
  private final LedgerTimings timings;
  private final ExecutorService blocking;
  private final Lateness lateness;
  private final Pacers pacers;
  private final ArrivalWatch.Tracker arrivals;

  /** Whether nothing ahead of the routes holds a request (a self-hosted server's device does): its pace is the plan. */
  private final boolean direct;

  private final Queue<Pending> waiting = new ArrayDeque<>();
  private Reply current;

  ClientConnection(
      ProviderTransformer routes,
      LedgerTimings timings,
      ExecutorService blocking,
      Lateness lateness,
      Pacers pacers,
      ArrivalWatch.Tracker arrivals,
      boolean direct) {
    this.routes = routes;
    this.direct = direct;
    this.timings = timings;
    this.blocking = blocking;
    this.lateness = lateness;
    this.pacers = pacers;
    this.arrivals = arrivals;
  }

  /** A request read, with when it arrived. */
  private record Pending(Request request, boolean keepAlive, long arrivedNanos) {}

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
    Pending pending =
        new Pending(request(ctx, message), HttpUtil.isKeepAlive(message), arrivals.arrived());
    if (current == null) {
      answer(ctx, pending);
    } else {
      waiting.add(pending);
    }
  }

  private void answer(ChannelHandlerContext ctx, Pending pending) {
    UUID id =
        new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    boolean relayed = routes.blocks(pending.request().getUrl());
    // A relayed call waits on a real upstream, a self-hosted one on its simulated device: neither
    // is the mock late.
    current =
        new Reply(
            ctx,
            id,
            pending.arrivedNanos(),
            pending.keepAlive(),
            timings,
            lateness,
            pacers,
            () -> next(ctx),
            direct && !relayed);
    Reply exchange = current;
    if (!relayed) {
      exchange.send(answer(pending.request(), id));
      return;
    }
    try {
      blocking.execute(
          () -> {
            ResponseDefinition response = answer(pending.request(), id);
            ctx.executor().execute(() -> exchange.send(response));
          });
    } catch (RejectedExecutionException e) {
      exchange.send(
          error(
              503, "the provider mock is shutting down or has too many upstream calls in flight"));
    }
  }

  private ResponseDefinition answer(Request request, UUID id) {
    try {
      return routes.answer(request, id);
    } catch (RuntimeException e) {
      return error(
          500,
          "the provider mock failed to answer "
              + request.getMethod()
              + " "
              + request.getUrl()
              + ": "
              + e);
    }
  }

  /** An OpenAI-shaped error of the mock itself. */
  private static ResponseDefinition error(int status, String message) {
    String body = Json.write(Map.of("error", Map.of("message", message, "type", "server_error")));
    return new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("content-type", "application/json")
        .withBody(body)
        .build();
  }

  /** After an answer has gone out on a connection kept alive: the next request waiting, if any. */
  private void next(ChannelHandlerContext ctx) {
    current = null;
    Pending pending = waiting.poll();
    if (pending != null) {
      answer(ctx, pending);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null) {
      current.abandoned();
    }
    waiting.clear();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset by the client, or a request the codec could not read: nothing left to
    // answer
  }

  private static Request request(ChannelHandlerContext ctx, FullHttpRequest message) {
    InetSocketAddress local = (InetSocketAddress) ctx.channel().localAddress();
    ImmutableRequest.Builder request =
        ImmutableRequest.create()
            .withAbsoluteUrl("http://127.0.0.1:" + local.getPort() + message.uri())
            .withMethod(RequestMethod.fromString(message.method().name()))
            .withProtocol(message.protocolVersion().text())
            .withClientIp(
                ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress())
            .withBody(ByteBufUtil.getBytes(message.content()));
    for (String name : message.headers().names()) {
      request.withHeader(name, message.headers().getAll(name));
    }
    return request.build();
  }
}
