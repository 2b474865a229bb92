package dev.gauntlet.faults.internal.http;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.Pace;
import dev.gauntlet.faults.internal.SseEvents;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One answer going out on a connection: after its fixed delay, whole; or as a stream, event by event at the times
 * its {@link Pace} gives, each timed from the request's arrival rather than from the event before, so lateness never
 * adds up; or a dropped connection. When the last byte has gone out (or the client has left) the call's ledger entry
 * is recorded with the times its first and last byte were sent. Confined to the connection's event loop.
 */
final class Exchange {

  /** Headers the server sets itself: WireMock definitions and relayed upstream answers may carry their own. */
  private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection",
      "keep-alive");

  private final ChannelHandlerContext ctx;
  private final UUID id;
  private final long arrived;
  private final boolean keepAlive;
  private final LedgerTimings timings;
  private final Lateness lateness;
  private final Runnable done;
  private ScheduledFuture<?> timer;
  /** A stream's whole body, written slice by slice, and where each of its events ends. */
  private ByteBuf body;
  private int[] ends;
  private long firstByte;
  private boolean finished;

  Exchange(ChannelHandlerContext ctx, UUID id, long arrivedNanos, boolean keepAlive, LedgerTimings timings,
      Lateness lateness, Runnable done) {
    this.ctx = ctx;
    this.id = id;
    this.arrived = arrivedNanos;
    this.keepAlive = keepAlive;
    this.timings = timings;
    this.lateness = lateness;
    this.done = done;
  }

  /** Sends {@code response} as it says: its fault, its fixed delay, its pace. */
  void send(ResponseDefinition response) {
    if (finished) {
      return;
    }
    long delay = response.getFixedDelayMilliseconds() == null ? 0
        : TimeUnit.MILLISECONDS.toNanos(response.getFixedDelayMilliseconds());
    Pace pace = Answers.pace(response);
    if (response.getFault() != null) {
      at(delay, () -> drop(response.getFault()));
    } else if (pace != null && response.getBody() != null && !response.getBody().isEmpty()) {
      List<String> events = SseEvents.split(response.getBody());
      long[] due = pace.schedule(events, SseEvents::carriesToken, Answers.tokens(response));
      byte[] bytes = response.getByteBody();
      body = Unpooled.wrappedBuffer(bytes);
      ends = ends(bytes, events.size());
      ctx.writeAndFlush(head(response, true));
      event(delay + due[0], () -> stream(due, delay, 0));
    } else {
      at(delay, () -> whole(response));
    }
  }

  /** Runs {@code action} on the event loop {@code nanos} after the request arrived (at once if that has passed). */
  private void at(long nanos, Runnable action) {
    atNanoTime(arrived + nanos, action);
  }

  /**
   * Runs a stream's event {@code nanos} after the request arrived, at the next {@link Slots} boundary, so that the
   * events of all streams due within one slot go out together.
   */
  private void event(long nanos, Runnable action) {
    atNanoTime(Slots.roundUp(arrived + nanos), action);
  }

  private void atNanoTime(long deadline, Runnable action) {
    long wait = deadline - System.nanoTime();
    if (wait <= 0) {
      action.run();
    } else {
      timer = ctx.executor().schedule(action, wait, TimeUnit.NANOSECONDS);
    }
  }

  private void whole(ResponseDefinition response) {
    if (!live()) {
      return;
    }
    byte[] body = response.getByteBody() == null ? new byte[0] : response.getByteBody();
    DefaultFullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status(response),
        Unpooled.wrappedBuffer(body));
    copyHeaders(response, out.headers());
    HttpUtil.setContentLength(out, body.length);
    firstByte = sinceArrival();
    end(ctx.writeAndFlush(out));
  }

  /**
   * Writes the events due together from {@code from} on, as a slice of the body (no copy), then schedules the next
   * ones.
   */
  private void stream(long[] due, long delay, int from) {
    if (!live()) {
      return;
    }
    int to = from;
    while (to < ends.length && due[to] == due[from]) {
      to++;
    }
    int start = from == 0 ? 0 : ends[from - 1];
    ByteBuf chunk = body.retainedSlice(start, ends[to - 1] - start);
    if (from == 0) {
      firstByte = sinceArrival();
    }
    if (to == ends.length) {
      ctx.write(new DefaultHttpContent(chunk));
      end(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
      lateness.record(System.nanoTime() - arrived - delay - due[from]);
      release();
      return;
    }
    ctx.writeAndFlush(new DefaultHttpContent(chunk));
    lateness.record(System.nanoTime() - arrived - delay - due[from]);
    int next = to;
    event(delay + due[next], () -> stream(due, delay, next));
  }

  /**
   * Where each of the body's {@code events} ends, in bytes: after each blank line, the last at the end of the body
   * (the same cuts {@link SseEvents#split} makes in the text, since a blank line is the same in UTF-8).
   */
  private static int[] ends(byte[] body, int events) {
    int[] ends = new int[events];
    int found = 0;
    for (int i = 1; i < body.length && found < events - 1; i++) {
      if (body[i] == '\n' && body[i - 1] == '\n') {
        ends[found++] = i + 1;
        i++; // a blank line's second newline never starts the next one, as in SseEvents.split
      }
    }
    ends[events - 1] = body.length;
    return ends;
  }

  private void release() {
    if (body != null && body.refCnt() > 0) {
      body.release();
    }
  }

  private HttpResponse head(ResponseDefinition response, boolean chunked) {
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status(response));
    copyHeaders(response, head.headers());
    if (chunked) {
      HttpUtil.setTransferEncodingChunked(head, true);
    }
    return head;
  }

  private void copyHeaders(ResponseDefinition response, HttpHeaders out) {
    if (response.getHeaders() != null) {
      for (HttpHeader h : response.getHeaders().all()) {
        if (!HOP_BY_HOP.contains(h.key().toLowerCase(java.util.Locale.ROOT))) {
          out.add(h.key(), h.values());
        }
      }
    }
    if (!keepAlive) {
      out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
  }

  private static HttpResponseStatus status(ResponseDefinition response) {
    return HttpResponseStatus.valueOf(response.getStatus() == 0 ? 200 : response.getStatus());
  }

  /** A reset (RST: linger 0 then close) or a close with nothing sent, as the fault says. */
  private void drop(Fault fault) {
    if (!live()) {
      return;
    }
    if (fault == Fault.CONNECTION_RESET_BY_PEER) {
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    finished = true;
    timings.sent(id, 0, 0);
    ctx.close();
  }

  /** When the last write is on the wire: the ledger gets the times, the connection the next request or a close. */
  private void end(ChannelFuture last) {
    finished = true;
    last.addListener((ChannelFutureListener) f -> {
      timings.sent(id, firstByte, Math.max(firstByte, sinceArrival()));
      if (keepAlive && f.isSuccess()) {
        done.run();
      } else {
        ctx.close();
      }
    });
  }

  /** The client left before the answer was complete: record what was sent and stop any timer. */
  void abandoned() {
    if (timer != null) {
      timer.cancel(false);
    }
    release();
    if (!finished) {
      finished = true;
      timings.sent(id, firstByte, firstByte == 0 ? 0 : sinceArrival());
    }
  }

  private boolean live() {
    if (finished) {
      return false;
    }
    if (!ctx.channel().isActive()) {
      abandoned();
      return false;
    }
    return true;
  }

  private long sinceArrival() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived);
  }
}
