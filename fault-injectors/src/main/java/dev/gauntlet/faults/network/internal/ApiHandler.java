package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns each HTTP request into a call on {@link ApiRoutes} and writes its answer, keeping the connection open when
 * the client asks. Runs on the API's own event loop, which may wait for the proxies' loops but never the reverse.
 * Thread-safe and shared by every API connection.
 */
@Sharable
final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final ApiRoutes routes;

  ApiHandler(ApiRoutes routes) {
    this.routes = routes;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request)
      throws JsonProcessingException {
    ApiResponse answer =
        request.decoderResult().isSuccess()
            ? routes.handle(
                request.method().name(),
                new QueryStringDecoder(request.uri()).path(),
                request.content().toString(StandardCharsets.UTF_8))
            : ApiResponse.error(ApiError.badRequest("malformed HTTP request"));
    FullHttpResponse response = response(answer);
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static FullHttpResponse response(ApiResponse answer) throws JsonProcessingException {
    ByteBuf content =
        answer.body() == null
            ? Unpooled.EMPTY_BUFFER
            : Unpooled.wrappedBuffer(
                Json.MAPPER.writeValueAsBytes(answer.body()), new byte[] {'\n'});
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()), content);
    if (answer.body() != null) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    }
    HttpUtil.setContentLength(response, content.readableBytes());
    return response;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
