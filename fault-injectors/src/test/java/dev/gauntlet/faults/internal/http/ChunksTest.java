package dev.gauntlet.faults.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A paced stream framed once as HTTP/1.1 chunks: one chunk per run of events due together, sizes in hex. */
class ChunksTest {

  private static String text(ByteBuf slice) {
    try {
      return slice.toString(StandardCharsets.UTF_8);
    } finally {
      slice.release();
    }
  }

  @Test
  void eventsDueTogetherShareAChunkAndEachChunkCarriesItsSizeInHex() {
    String role = "data: {\"role\":\"assistant\"}\n\n";
    String first = "data: {\"content\":\"caf\u00e9\"}\n\n";
    String second =
        "data: {\"content\":\" au lait, with a long enough tail to need two hex digits\"}\n\n";
    String done = "data: [DONE]\n\n";
    byte[] body = (role + first + second + done).getBytes(StandardCharsets.UTF_8);

    Chunks chunks = Chunks.frame(body, new long[] {100, 100, 150, 150});

    assertThat(chunks.count()).isEqualTo(2);
    assertThat(chunks.firstEvent(0)).isZero();
    assertThat(chunks.firstEvent(1)).isEqualTo(2);
    int firstBytes = (role + first).getBytes(StandardCharsets.UTF_8).length;
    assertThat(text(chunks.slice(0)))
        .isEqualTo(Integer.toHexString(firstBytes) + "\r\n" + role + first + "\r\n");
    assertThat(text(chunks.slice(1)))
        .isEqualTo(Integer.toHexString((second + done).length()) + "\r\n" + second + done + "\r\n");
    chunks.release();
  }

  @Test
  void aCutStreamKeepsItsUnfinishedTailInTheLastChunk() {
    String whole = "data: {\"content\":\"Hel\"}\n\n";
    String cut = "data: {\"content\":\"lo";
    byte[] body = (whole + cut).getBytes(StandardCharsets.UTF_8);

    Chunks chunks = Chunks.frame(body, new long[] {10, 20});

    assertThat(chunks.count()).isEqualTo(2);
    assertThat(text(chunks.slice(1)))
        .isEqualTo(Integer.toHexString(cut.length()) + "\r\n" + cut + "\r\n");
    chunks.release();
  }

  @Test
  void releasingTwiceLeavesTheSlicesInFlightTheirOwnHolds() {
    Chunks chunks =
        Chunks.frame("data: a\n\ndata: b\n\n".getBytes(StandardCharsets.UTF_8), new long[] {1, 2});
    ByteBuf inFlight = chunks.slice(1);

    chunks.release();
    chunks
        .release(); // the end of the stream, then the connection closing: the second must not take
    // the slice's hold

    assertThat(inFlight.refCnt()).isEqualTo(1);
    assertThat(text(inFlight)).endsWith("data: b\n\n\r\n");
  }
}
