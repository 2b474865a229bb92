package dev.gauntlet.faults.internal.selfhosted;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One connection to a self-hosted server, ahead of the provider routes: answers {@code /health}, {@code /metrics}
 * and {@code POST /gauntlet/restart} itself, lets the device decide each chat completion (served after the
 * pressure-dependent latency, refused with an out-of-memory 500 or a 503 while starting, or never answered once
 * crashed), and passes what it serves on to the routes as {@code /providers/NAME/v1/…}. It sees the routes' answers
 * go out, so that the device knows how many completions are running. One request at a time per connection, as
 * HTTP/1.1 clients send them. Confined to the connection's event loop.
 */
final class SelfHostedFront extends ChannelDuplexHandler {

  private final SelfHostedServer server;

  /** A completion the device admitted is waiting for its answer on this connection. */
  private boolean running;

  /** The server crashed while this connection was open: nothing on it is answered again. */
  private boolean hung;

  SelfHostedFront(SelfHostedServer server) {
    this.server = server;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (hung) {
      request.release();
      return;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    if (path.equals("/gauntlet/restart")) {
      restart(ctx, request);
    } else if (server.gpu().snapshot().state() == Gpu.State.CRASHED) {
      hang(ctx, request);
    } else if (path.equals("/health")) {
      health(ctx, request);
    } else if (path.equals("/metrics")) {
      request.release();
      respond(
          ctx,
          request,
          HttpResponseStatus.OK,
          GpuMetrics.CONTENT_TYPE,
          GpuMetrics.render(server.model(), server.gpu().snapshot()));
    } else if (path.equals("/v1") || path.startsWith("/v1/")) {
      model(ctx, request, path);
    } else {
      ctx.fireChannelRead(request); // the routes answer it as the unknown path it is
    }
  }

  /** Always answered, crashed or not: it stands for the orchestrator deleting the pod. */
  private void restart(ChannelHandlerContext ctx, FullHttpRequest request) {
    request.release();
    if (!request.method().equals(HttpMethod.POST)) {
      respond(
          ctx,
          request,
          HttpResponseStatus.METHOD_NOT_ALLOWED,
          "application/json",
          "{\"error\":{\"message\":\"method must be POST, but was "
              + request.method()
              + "\",\"type\":"
              + "\"invalid_request_error\",\"param\":null,\"code\":null}}");
      return;
    }
    long coldStartMs = server.restart(ServerEvents.HTTP);
    respond(
        ctx,
        request,
        HttpResponseStatus.ACCEPTED,
        "application/json",
        "{\"restarting\":true,\"cold_start_ms\":" + coldStartMs + "}");
  }

  private void health(ChannelHandlerContext ctx, FullHttpRequest request) {
    request.release();
    boolean ready = server.gpu().snapshot().state() == Gpu.State.READY;
    respond(
        ctx,
        request,
        ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
        "application/json",
        ready ? "{\"status\":\"ready\"}" : "{\"status\":\"starting\"}");
  }

  private void model(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
    boolean completion =
        request.method().equals(HttpMethod.POST) && path.equals("/v1/chat/completions");
    Gpu.Admission admission =
        completion
            ? server.gpu().admit()
            : server.gpu().snapshot().state() == Gpu.State.READY
                ? new Gpu.Admission.Serve(0)
                : new Gpu.Admission.Starting();
    if (admission instanceof Gpu.Admission.Serve serve) {
      serve(ctx, request, completion, serve.factor());
    } else if (admission instanceof Gpu.Admission.Crashed) {
      hang(ctx, request);
    } else {
      request.release();
      boolean oom = admission instanceof Gpu.Admission.OutOfMemory;
      respond(
          ctx,
          request,
          oom ? HttpResponseStatus.INTERNAL_SERVER_ERROR : HttpResponseStatus.SERVICE_UNAVAILABLE,
          "application/json",
          oom ? ModelErrors.oom((Gpu.Admission.OutOfMemory) admission) : ModelErrors.starting());
    }
  }

  /** Passes the request on to the routes, a completion after the device's latency at its present pressure. */
  private void serve(
      ChannelHandlerContext ctx, FullHttpRequest request, boolean completion, double factor) {
    request.setUri("/providers/" + server.name() + request.uri());
    if (!completion) {
      ctx.fireChannelRead(request);
      return;
    }
    running = true;
    long nanos = Math.round(server.gpu().spec().latency().toNanos() * factor);
    ctx.executor()
        .schedule(
            () -> {
              if (!ctx.channel().isActive()) {
                request.release();
                done();
              } else {
                ctx.fireChannelRead(request);
              }
            },
            nanos,
            TimeUnit.NANOSECONDS);
  }

  /** The server has crashed: the request is read and never answered, until a restart resets the connection. */
  private void hang(ChannelHandlerContext ctx, FullHttpRequest request) {
    request.release();
    hung = true;
    server.hold(ctx.channel());
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof LastHttpContent) {
      done();
    }
    ctx.write(msg, promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    done();
    ctx.fireChannelInactive();
  }

  private void done() {
    if (running) {
      running = false;
      server.gpu().finished();
    }
  }

  private static void respond(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      HttpResponseStatus status,
      String contentType,
      String body) {
    FullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
    out.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpUtil.setContentLength(out, out.content().readableBytes());
    if (HttpUtil.isKeepAlive(request)) {
      ctx.writeAndFlush(out);
    } else {
      out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
