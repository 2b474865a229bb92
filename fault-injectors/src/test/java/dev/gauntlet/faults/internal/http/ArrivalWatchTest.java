package dev.gauntlet.faults.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which requests a watcher's note of arriving bytes may date, as a connection's tracker reads them through the HTTP
 * codec: only the first request of a read that began between requests and held the whole of it, and only with the
 * note taken for that read; every other request counts from when the loop read it, so that no note can make a first
 * token early.
 */
class ArrivalWatchTest {

  private static final String GET = "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n";
  private static final String POST_HEAD =
      "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n";

  private final ArrivalWatch.Watch watch = new ArrivalWatch.Watch(0, -1);
  private final ArrivalWatch.Tracker tracker = new ArrivalWatch.Tracker(null);
  private final List<Long> arrivals = new ArrayList<>();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          tracker.reads(),
          new HttpServerCodec(),
          tracker.requests(),
          new HttpObjectAggregator(1 << 20),
          new SimpleChannelInboundHandler<FullHttpRequest>() {
            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
              arrivals.add(tracker.arrived());
            }
          });

  ArrivalWatchTest() {
    tracker.watching(watch);
  }

  /** Reads {@code text} as one read of the socket; the nanoTime just before. */
  private long read(String text) {
    long before = System.nanoTime();
    channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    return before;
  }

  @Test
  void aWholeRequestInOneReadCountsFromTheNoteTakenForThatRead() {
    long noted =
        System.nanoTime()
            - 30_000_000; // a watcher saw its bytes 30 ms before the stalled loop read them
    watch.noted(0, noted);

    read(GET);

    assertThat(arrivals).containsExactly(noted);
  }

  @Test
  void withoutANoteARequestCountsFromItsRead() {
    long before = read(GET);

    assertThat(arrivals)
        .singleElement()
        .satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(before));
  }

  @Test
  void aNoteTakenForAnEarlierReadIsNeverUsed() {
    read(GET);
    watch.noted(
        0,
        System.nanoTime() - 30_000_000); // seen before read 0 began, but only recorded after it did

    long before = read(GET);

    assertThat(arrivals.get(1)).isGreaterThanOrEqualTo(before);
  }

  @Test
  void onlyTheFirstOfPipelinedRequestsInOneReadUsesTheNote() {
    long noted = System.nanoTime() - 30_000_000;
    watch.noted(0, noted);

    long before = read(GET + GET);

    assertThat(arrivals).hasSize(2);
    assertThat(arrivals.get(0)).isEqualTo(noted);
    assertThat(arrivals.get(1))
        .as("its bytes may have come later than the note")
        .isGreaterThanOrEqualTo(before);
  }

  @Test
  void aReadThatBeganInsideARequestDatesNothing() {
    read(POST_HEAD + "01234"); // half the body
    watch.noted(1, System.nanoTime() - 30_000_000); // the note may be of the first half's tail

    long before = read("56789" + GET);

    assertThat(arrivals).hasSize(2);
    assertThat(arrivals).allSatisfy(at -> assertThat(at).isGreaterThanOrEqualTo(before));
  }

  @Test
  void aRequestWhoseHeadIsSplitOverTwoReadsCountsFromTheReadThatEndedIt() {
    watch.noted(0, System.nanoTime() - 30_000_000);
    read(GET.substring(0, 20)); // no request is begun yet as far as the codec says

    long before = read(GET.substring(20));

    assertThat(arrivals)
        .singleElement()
        .satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(before));
  }

  @Test
  void aNoteForTheNextReadMadeAsAReadBeginsIsKept() {
    // A watcher that saw the count go to 1 (read 0 has just begun) notes read 1 before read 0 takes
    // its own note.
    long noted = System.nanoTime() - 10_000_000;
    watch.noted(1, noted);
    long before = read(GET);

    read(GET);

    assertThat(arrivals.get(0)).as("not read 0's").isGreaterThanOrEqualTo(before);
    assertThat(arrivals.get(1)).isEqualTo(noted);
  }

  @Test
  void theWatchersStopAndCloseOnce() {
    ArrivalWatch arrivals = ArrivalWatch.start("test");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        arrivals != null, "watchers run on Linux with epoll and two CPUs");

    arrivals.close();
    arrivals.close();

    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("test-arrivals-"));
  }

  @Test
  void aRequestSpreadOverTwoReadsCountsFromTheReadThatEndedIt() {
    watch.noted(0, System.nanoTime() - 30_000_000);
    read(POST_HEAD + "01234");

    long before = read("56789");

    assertThat(arrivals)
        .singleElement()
        .satisfies(at -> assertThat(at).isGreaterThanOrEqualTo(before));
  }

  @Test
  void aRequestHeldByALaterHandlerCountsFromWhenItIsPassedOn() {
    EmbeddedChannel held =
        new EmbeddedChannel(
            tracker.reads(),
            new HttpServerCodec(),
            tracker.requests(),
            new HttpObjectAggregator(1 << 20));
    watch.noted(0, System.nanoTime() - 30_000_000);
    held.writeInbound(Unpooled.copiedBuffer(GET, StandardCharsets.US_ASCII));
    FullHttpRequest request = held.readInbound();
    request.release();

    long later = System.nanoTime();

    assertThat(tracker.arrived()).isGreaterThanOrEqualTo(later);
  }
}
