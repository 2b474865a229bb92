package dev.gauntlet.faults.internal.http;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.internal.Answers;
import dev.gauntlet.faults.internal.LedgerTimings;
import dev.gauntlet.faults.internal.Pace;
import dev.gauntlet.faults.internal.SseEvents;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.UnixChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One answer going out on a connection: after its fixed delay, whole; or as a stream, event by event at the times
 * its {@link Pace} gives, each timed from the request's arrival rather than from the event before, so lateness never
 * adds up; or a dropped connection. When the last byte has gone out (or the client has left) the call's ledger entry
 * is recorded with the times its first and last byte were sent. Confined to the connection's event loop, except a
 * stream's chunks while the {@link Pacers} write them ({@link Direct}).
 */
final class Reply {

  /** Headers the server sets itself: WireMock definitions and relayed upstream answers may carry their own. */
  private static final Set<String> HOP_BY_HOP =
      Set.of("content-length", "transfer-encoding", "connection", "keep-alive");

  private final ChannelHandlerContext ctx;
  private final UUID id;
  private final long arrived;
  private final boolean keepAlive;
  private final LedgerTimings timings;
  private final Lateness lateness;

  /** Writes streams hedged across CPUs where it can; null where the event loop writes them. */
  private final Pacers pacers;

  private final Runnable done;

  /** Whether the answer's delay and pace are all that should stand between its arrival and its bytes. */
  private final boolean planned;

  private ScheduledFuture<?> timer;

  /** A stream's whole body framed in its chunks, written one by one beneath the HTTP codec, through {@link #framed}. */
  private Chunks chunks;

  private ChannelHandlerContext framed;

  /** The stream while the pacers write it; null before, after, and where the event loop writes it. */
  private Direct direct;

  /**
   * Set by the pacer that writes the first chunk; read on the loop after the pacer hands the stream back, or by
   * {@link #abandoned()} while a pacer may still hold it (then it is 0 or the time already written).
   */
  private volatile long firstByte;

  /** When the first and last byte are due by the answer's delay and pace, in nanoseconds after arrival; -1 unknown. */
  private long pacedFirst = -1;

  private long pacedLast = -1;
  private boolean finished;

  Reply(
      ChannelHandlerContext ctx,
      UUID id,
      long arrivedNanos,
      boolean keepAlive,
      LedgerTimings timings,
      Lateness lateness,
      Pacers pacers,
      Runnable done,
      boolean planned) {
    this.ctx = ctx;
    this.id = id;
    this.arrived = arrivedNanos;
    this.keepAlive = keepAlive;
    this.timings = timings;
    this.lateness = lateness;
    this.pacers = pacers;
    this.done = done;
    this.planned = planned;
  }

  /** Sends {@code response} as it says: its fault, its fixed delay, its pace. */
  void send(ResponseDefinition response) {
    if (finished) {
      return;
    }
    long delay =
        response.getFixedDelayMilliseconds() == null
            ? 0
            : TimeUnit.MILLISECONDS.toNanos(response.getFixedDelayMilliseconds());
    Pace pace = Answers.pace(response);
    if (response.getFault() != null) {
      at(delay, () -> drop(response.getFault()));
    } else if (pace != null && response.getBody() != null && !response.getBody().isEmpty()) {
      List<String> events = SseEvents.split(response.getBody());
      long[] due = pace.schedule(events, SseEvents::carriesToken, Answers.tokens(response));
      paced(delay + due[0], delay + due[due.length - 1]);
      chunks = Chunks.frame(response.getByteBody(), due);
      framed = ctx.pipeline().context(HttpServerCodec.class);
      ctx.writeAndFlush(head(response, true));
      direct = Direct.open(this, due, delay);
      if (direct != null && !pacers.add(direct)) {
        direct.abandon();
        direct = null;
      }
      if (direct == null) {
        event(delay + due[0], () -> stream(due, delay, 0, 0));
      }
    } else {
      paced(delay, delay);
      at(delay, () -> whole(response));
    }
  }

  private void paced(long first, long last) {
    pacedFirst = first;
    pacedLast = last;
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
    DefaultFullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status(response), Unpooled.wrappedBuffer(body));
    copyHeaders(response, out.headers());
    HttpUtil.setContentLength(out, body.length);
    firstByte = sinceArrival();
    end(ctx.writeAndFlush(out));
  }

  /**
   * Writes chunk {@code chunk} from its byte {@code from} on, the events due together, then schedules the next one.
   * The chunks are framed already, so they go beneath the HTTP codec, straight to the socket; the end of the response
   * goes through the codec, which writes the last chunk and is ready for the connection's next response.
   */
  private void stream(long[] due, long delay, int chunk, int from) {
    // A loop, not a call per chunk: chunks already due (a loop that fell behind, a client that
    // stopped reading while
    // they fell due) go out one after another here, where calling on for each one overflowed the
    // loop's stack.
    for (int at = chunk, offset = from; ; at++, offset = 0) {
      if (!live()) {
        return;
      }
      if (at == 0 && offset == 0) {
        firstByte = sinceArrival();
      }
      long dueAt = arrived + delay + due[chunks.firstEvent(at)];
      boolean last = at == chunks.count() - 1;
      if (last) {
        framed.write(chunks.slice(at, offset));
        end(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
      } else {
        // No promise to notify for each token: a failed write reaches the connection as an
        // exception, which closes
        // it.
        framed.writeAndFlush(chunks.slice(at, offset), framed.voidPromise());
      }
      if (offset
          == 0) { // the rest of a chunk a pacer began was counted when the pacer wrote its first
        // bytes
        lateness.record(System.nanoTime() - dueAt);
      }
      if (last) {
        release();
        return;
      }
      int next = at + 1;
      long wait = Slots.roundUp(arrived + delay + due[chunks.firstEvent(next)]) - System.nanoTime();
      if (wait > 0) {
        timer =
            ctx.executor().schedule(() -> stream(due, delay, next, 0), wait, TimeUnit.NANOSECONDS);
        return;
      }
    }
  }

  /** What a pacer hands back to the event loop when it stops writing a stream. */
  private enum Handback {
    /** It wrote the last chunk: the response's end follows. */
    WRITTEN,
    /** The socket took part of a chunk only (the client reads slowly): the loop writes the rest, and on. */
    FULL,
    /** The connection failed under a write. */
    FAILED,
    /** The exchange was abandoned while the pacer held the stream. */
    CANCELLED
  }

  /** On the loop: the pacers are done with the stream; the loop carries on as {@code how} says. */
  private void handBack(Handback how, long[] due, long delay, int chunk, int written) {
    direct = null;
    if (finished) {
      release(); // abandoned meanwhile: nothing more goes out
      return;
    }
    switch (how) {
      case WRITTEN -> {
        end(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
        release();
      }
      case FULL -> stream(due, delay, chunk, written);
      case FAILED -> ctx.close();
      case CANCELLED -> release();
    }
  }

  /**
   * A stream the pacers write, each chunk straight to a second descriptor of the connection's socket (see
   * {@link Linux#duplicate}); the HTTP codec has written the head before, and writes the end after the pacer
   * hands the stream back to the loop. Owned by whoever last took it out of the pacers' queue (a pacer, the loop that
   * cancels it, or the closing server); its mutable fields are the owner's, handed on through the queue.
   */
  private static final class Direct extends Pacers.Paced {
    private final Reply exchange;
    private final FileDescriptor socket;
    private final long[] due;
    private final long delay;
    private int chunk;
    private volatile boolean cancelled;

    private Direct(Reply exchange, FileDescriptor socket, long[] due, long delay) {
      this.exchange = exchange;
      this.socket = socket;
      this.due = due;
      this.delay = delay;
    }

    /**
     * A direct stream for {@code exchange}, or null where the loop should write it: no pacers, a channel that is
     * not a Unix socket, a head still waiting in Netty's outbound buffer, or no descriptor left to duplicate.
     */
    static Direct open(Reply exchange, long[] due, long delay) {
      Channel channel = exchange.ctx.channel();
      if (exchange.pacers == null
          || !(channel instanceof UnixChannel unix)
          || channel.unsafe().outboundBuffer() == null
          || !channel.unsafe().outboundBuffer().isEmpty()) {
        return null;
      }
      try {
        return new Direct(exchange, Linux.duplicate(unix.fd()), due, delay);
      } catch (IOException e) {
        return null;
      }
    }

    private long unrounded() {
      return exchange.arrived + delay + due[exchange.chunks.firstEvent(chunk)];
    }

    @Override
    long dueAt() {
      return Slots.roundUp(unrounded());
    }

    @Override
    boolean writeNext() {
      if (cancelled) {
        return stop(Handback.CANCELLED, 0);
      }
      Chunks chunks = exchange.chunks;
      int written;
      try {
        written = chunks.write(socket, chunk);
      } catch (IOException | RuntimeException e) {
        // Netty reports most socket errors as IOException, some (ENOTCONN) unchecked: either way
        // the connection failed
        return stop(Handback.FAILED, 0);
      }
      exchange.lateness.record(System.nanoTime() - unrounded());
      if (chunk == 0 && written > 0) {
        exchange.firstByte = exchange.sinceArrival();
      }
      if (written < chunks.length(chunk)) {
        return stop(Handback.FULL, written);
      }
      if (chunk == chunks.count() - 1) {
        return stop(Handback.WRITTEN, 0);
      }
      chunk++;
      // Cancelled during the write: hand back now, not at the next token, so that the loop's close
      // closes the socket.
      return cancelled ? stop(Handback.CANCELLED, 0) : true;
    }

    @Override
    void fail() {
      stop(Handback.FAILED, 0);
    }

    /** Closes this stream's descriptor and hands the stream back to the event loop. */
    private boolean stop(Handback how, int written) {
      closeSocket();
      int at = chunk;
      try {
        exchange.ctx.executor().execute(() -> exchange.handBack(how, due, delay, at, written));
      } catch (RejectedExecutionException e) {
        exchange.chunks
            .release(); // the server is stopping and its loops are gone: nobody else will
      }
      return false;
    }

    /** Never queued (the pacers were closing): closes the descriptor; the loop writes the stream. */
    void abandon() {
      closeSocket();
    }

    /** On the loop, when the exchange is abandoned: true when the loop now owns the stream and may release it. */
    boolean cancel() {
      cancelled = true;
      if (exchange.pacers.remove(this)) {
        closeSocket();
        return true;
      }
      return false;
    }

    @Override
    void abort() {
      closeSocket();
      exchange.chunks.release();
    }

    private void closeSocket() {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed: nothing is held
      }
    }
  }

  private void release() {
    if (chunks != null) {
      chunks.release();
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
    last.addListener(
        (ChannelFutureListener)
            f -> {
              long lastByte = Math.max(firstByte, sinceArrival());
              boolean known = planned && pacedLast >= 0;
              timings.sent(
                  id,
                  arrived,
                  firstByte,
                  lastByte,
                  known ? TimeUnit.NANOSECONDS.toMillis(pacedFirst) : null,
                  known ? TimeUnit.NANOSECONDS.toMillis(pacedLast) : null);
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
    if (direct == null || direct.cancel()) {
      direct = null;
      release();
    } // else a pacer is writing the stream: it hands it back, and the loop releases it then
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
