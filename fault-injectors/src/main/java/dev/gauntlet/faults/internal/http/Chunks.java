package dev.gauntlet.faults.internal.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A paced stream's body framed once, when the answer is ready, as the HTTP/1.1 chunks it goes out in: one chunk for
 * each run of events due at the same time ({@code SIZE-IN-HEX CRLF events CRLF}). Each write is then a slice of one
 * buffer, a single iovec, with no encoding and no allocation on the event loop when a token is due: with thousands of
 * streams those per-token costs are what makes tokens late. Not thread-safe: one stream's, used by its event loop or by
 * the pacer that owns the stream at the time.
 */
final class Chunks {

  private static final byte[] CRLF = {'\r', '\n'};

  private final ByteBuf framed;

  /** Where each chunk ends in {@link #framed}. */
  private final int[] ends;

  /** The first event of each chunk, whose due time is the chunk's. */
  private final int[] firstEvents;

  private boolean released;

  private Chunks(ByteBuf framed, int[] ends, int[] firstEvents) {
    this.framed = framed;
    this.ends = ends;
    this.firstEvents = firstEvents;
  }

  /**
   * Frames {@code body}, a run of server-sent events each ending with a blank line (the last one may not), in chunks
   * of the events that share a due time in {@code due} (one per event, in order).
   */
  static Chunks frame(byte[] body, long[] due) {
    int[] eventEnds = eventEnds(body, due.length);
    byte[] out = new byte[body.length + due.length * 12];
    int[] ends = new int[due.length];
    int[] firstEvents = new int[due.length];
    int chunks = 0;
    int at = 0;
    for (int first = 0; first < due.length; ) {
      int last = first;
      while (last + 1 < due.length && due[last + 1] == due[first]) {
        last++;
      }
      int start = first == 0 ? 0 : eventEnds[first - 1];
      int length = eventEnds[last] - start;
      byte[] size = Integer.toHexString(length).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(size, 0, out, at, size.length);
      at += size.length;
      System.arraycopy(CRLF, 0, out, at, 2);
      System.arraycopy(body, start, out, at + 2, length);
      at += 2 + length;
      System.arraycopy(CRLF, 0, out, at, 2);
      at += 2;
      ends[chunks] = at;
      firstEvents[chunks] = first;
      chunks++;
      first = last + 1;
    }
    // Direct memory: a socket write takes its bytes from there without a copy, whoever writes it
    // (see Pacers).
    ByteBuf framed = ByteBufAllocator.DEFAULT.directBuffer(at, at).writeBytes(out, 0, at);
    return new Chunks(framed, Arrays.copyOf(ends, chunks), Arrays.copyOf(firstEvents, chunks));
  }

  /**
   * Where each of the body's {@code events} ends, in bytes: after each blank line, the last at the end of the body
   * (the same cuts {@code SseEvents.split} makes in the text, since a blank line is the same in UTF-8).
   */
  private static int[] eventEnds(byte[] body, int events) {
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

  int count() {
    return ends.length;
  }

  /** The first event of chunk {@code i}: its due time is the chunk's. */
  int firstEvent(int i) {
    return firstEvents[i];
  }

  /** Chunk {@code i}'s length in bytes, framed. */
  int length(int i) {
    return ends[i] - start(i);
  }

  private int start(int i) {
    return i == 0 ? 0 : ends[i - 1];
  }

  /** Chunk {@code i}, framed, as a slice sharing the buffer (released with the write). */
  ByteBuf slice(int i) {
    return slice(i, 0);
  }

  /** Chunk {@code i} from its byte {@code from} on, framed, as a slice sharing the buffer (released with the write). */
  ByteBuf slice(int i, int from) {
    return framed.retainedSlice(start(i) + from, length(i) - from);
  }

  /**
   * Writes chunk {@code i} straight to {@code socket}, without waiting: the bytes the socket took, all of them or
   * fewer when its send buffer is full.
   *
   * @throws IOException when the connection is gone (reset, closed)
   */
  int write(FileDescriptor socket, int i) throws IOException {
    int start = start(i);
    return framed.hasMemoryAddress()
        ? socket.writeAddress(framed.memoryAddress(), start, ends[i])
        : socket.write(framed.nioBuffer(), start, ends[i]);
  }

  /**
   * Gives up this stream's hold on the buffer, once however often it is called: the slices still being written share
   * its reference count and release their own holds when they are on the wire.
   */
  void release() {
    if (!released) {
      released = true;
      framed.release();
    }
  }
}
