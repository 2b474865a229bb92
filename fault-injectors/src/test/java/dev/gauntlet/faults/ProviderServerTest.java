package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.faults.internal.SseEvents;
import dev.gauntlet.run.LedgerEntry;
import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider mock's HTTP server as a raw socket sees it: HTTP/1.1 keep-alive, pipelining and {@code Connection:
 * close}, and a paced stream whose tokens never arrive before they are due. Upper bounds on time are left to
 * {@code bench/streams.sh}: a loaded machine may make anything later, never earlier.
 */
class ProviderServerTest {

  private static final Duration TTFT = Duration.ofMillis(300);
  private static final double TOKENS_PER_SECOND = 40;

  @TempDir Path dir;

  private static String chat(URI base, boolean stream, String connection) {
    String body =
        "{\"model\":\""
            + Fixtures.MODEL
            + "\",\"stream\":"
            + stream
            + ",\"messages\":[{\"role\":\"user\",\"content\":\""
            + LlmFaults.INPUT
            + "\"}]}";
    return "POST "
        + base.getPath()
        + "/chat/completions HTTP/1.1\r\nHost: "
        + base.getHost()
        + ":"
        + base.getPort()
        + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + (connection == null ? "" : "\r\nConnection: " + connection)
        + "\r\n\r\n"
        + body;
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
    try (LlmFaults faults =
            new LlmFaults(dir, new Fault.Latency(new Delay.Fixed(Duration.ofMillis(50))));
        Socket socket = socket(faults)) {
      URI base = faults.plane.providerBaseUrl("primary");
      socket
          .getOutputStream()
          .write(
              (chat(base, false, null) + chat(base, true, null) + chat(base, false, "close"))
                  .getBytes(StandardCharsets.UTF_8));

      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      List<String> kinds = new ArrayList<>();
      for (String part : all.split("HTTP/1.1 200 OK")) {
        if (!part.isBlank()) {
          kinds.add(part.contains("text/event-stream") ? "stream" : "whole");
        }
      }
      assertThat(kinds)
          .as("three answers in the order asked, then the close asked for by the last")
          .containsExactly("whole", "stream", "whole");
      assertThat(faults.ledger())
          .extracting(LedgerEntry::callIndex)
          .containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void streamedTokensNeverArriveBeforeTheyAreDue() throws IOException {
    Fault.Latency latency =
        new Fault.Latency(new Delay.Fixed(TTFT), TOKENS_PER_SECOND, 0, Fault.Latency.SlowTail.NONE);
    try (LlmFaults faults = new LlmFaults(dir, latency);
        Socket socket = socket(faults)) {
      OutputStream out = socket.getOutputStream();
      long sent =
          System.nanoTime(); // before the write: the server may read the request before write()
      // returns
      out.write(
          chat(faults.plane.providerBaseUrl("primary"), true, "close")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();

      List<Long> tokens = tokenArrivals(socket.getInputStream());

      assertThat(tokens).hasSizeGreaterThan(3);
      assertThat(tokens.get(0) - sent).as("first token").isGreaterThanOrEqualTo(TTFT.toNanos());
      long gap = Math.round(1e9 / TOKENS_PER_SECOND);
      for (int i = 1; i < tokens.size(); i++) {
        assertThat(tokens.get(i) - sent)
            .as("token " + i)
            .isGreaterThanOrEqualTo(TTFT.toNanos() + i * gap - 1_000_000);
      }
      assertThat(faults.ledger())
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.firstByteMs()).isGreaterThanOrEqualTo(TTFT.toMillis());
                assertThat(entry.lastByteMs())
                    .isGreaterThanOrEqualTo(
                        TTFT.toMillis() + (tokens.size() - 1) * gap / 1_000_000);
              });
    }
  }

  @Test
  void aClientThatLeavesMidStreamStillLeavesItsLedgerLine()
      throws IOException, InterruptedException {
    Fault.Latency latency =
        new Fault.Latency(
            new Delay.Fixed(Duration.ofMillis(100)), 5, 0, Fault.Latency.SlowTail.NONE);
    try (LlmFaults faults = new LlmFaults(dir, latency)) {
      try (Socket socket = socket(faults)) {
        socket
            .getOutputStream()
            .write(
                chat(faults.plane.providerBaseUrl("primary"), true, null)
                    .getBytes(StandardCharsets.UTF_8));
        byte[] first = new byte[64];
        assertThat(socket.getInputStream().read(first)).isPositive();
      }
      Thread.sleep(300);

      assertThat(faults.ledger())
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.status()).isEqualTo(200);
                assertThat(entry.fault()).isEqualTo("the-fault");
              });
    }
  }

  @Test
  void pacedStreamsOneAfterTheOtherShareAKeptAliveConnection() throws IOException {
    Fault.Latency latency =
        new Fault.Latency(
            new Delay.Fixed(Duration.ofMillis(20)), 200, 0, Fault.Latency.SlowTail.NONE);
    try (LlmFaults faults = new LlmFaults(dir, latency);
        Socket socket = socket(faults)) {
      URI base = faults.plane.providerBaseUrl("primary");
      for (int call = 0; call < 3; call++) {
        socket.getOutputStream().write(chat(base, true, null).getBytes(StandardCharsets.UTF_8));

        String response = untilLastChunk(socket.getInputStream());

        String body = unchunked(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(body)
            .as("call %d", call)
            .contains("\"name\":\"issue_refund\"")
            .endsWith("data: [DONE]\n\n");
      }
      assertThat(faults.ledger())
          .extracting(LedgerEntry::callIndex)
          .containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  /** One chunked response, read up to and including its last chunk, leaving the connection open. */
  private static String untilLastChunk(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    while (!seen.toString(StandardCharsets.UTF_8).endsWith("\r\n0\r\n\r\n")) {
      int b = in.read();
      assertThat(b).as("the response ended before its last chunk").isNotNegative();
      seen.write(b);
    }
    return seen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStreamWhoseClientStopsReadingArrivesWholeWhenItReadsAgain()
      throws IOException, InterruptedException {
    // Thousands of tokens due within a few milliseconds, to a client with a small receive window
    // that does not read
    // for a while: the server's socket fills in the middle of a chunk, and whoever writes the
    // stream (a pacer or the
    // event loop) must carry on from that byte once the client reads again.
    StringBuilder answer = new StringBuilder();
    for (int i = 0; i < 6000; i++) {
      answer.append("word").append(i % 97).append(' ');
    }
    Item item =
        new Item(
            "l-1",
            LlmFaults.INPUT,
            new Expectation.Contains(List.of("word1")),
            List.of(),
            List.of(new ScriptStep.Answer(answer.toString().trim())),
            List.of(),
            1);
    Dataset dataset = new Dataset("long", "1", "test", List.of(), List.of(item), null);
    Fault.Latency latency =
        new Fault.Latency(
            new Delay.Fixed(Duration.ZERO), 1_000_000, 0, Fault.Latency.SlowTail.NONE);
    try (LlmFaults faults = new LlmFaults(dir, latency, dataset);
        Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      URI base = faults.plane.providerBaseUrl("primary");
      socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(chat(base, true, "close").getBytes(StandardCharsets.UTF_8));
      Thread.sleep(500);

      String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      String body = unchunked(all.substring(all.indexOf("\r\n\r\n") + 4));
      StringBuilder text = new StringBuilder();
      java.util.regex.Matcher content =
          java.util.regex.Pattern.compile("\"content\":\"([^\"]*)\"").matcher(body);
      while (content.find()) {
        text.append(content.group(1));
      }
      assertThat(all).startsWith("HTTP/1.1 200 OK");
      assertThat(text.toString())
          .as("every token, once, in order")
          .isEqualTo(answer.toString().trim());
      assertThat(body).endsWith("data: [DONE]\n\n");
    }
  }

  /** The body of a chunked HTTP/1.1 message, checking each chunk's size line and the last chunk. */
  private static String unchunked(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int line = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, line), 16);
      if (size == 0) {
        assertThat(chunked.substring(line))
            .as("the last chunk ends the message")
            .isEqualTo("\r\n\r\n");
        return body.toString();
      }
      body.append(chunked, line + 2, line + 2 + size);
      assertThat(chunked.substring(line + 2 + size, line + 4 + size))
          .as("a chunk's closing CRLF")
          .isEqualTo("\r\n");
      at = line + 4 + size;
    }
  }

  private static Socket socket(LlmFaults faults) throws IOException {
    URI base = faults.plane.providerBaseUrl("primary");
    Socket socket = new Socket(base.getHost(), base.getPort());
    socket.setSoTimeout(20_000);
    return socket;
  }

  /** When each token event of a chunked event stream arrived, until the connection closes. */
  private static List<Long> tokenArrivals(InputStream in) throws IOException {
    List<Long> times = new ArrayList<>();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int scanned = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      long now = System.nanoTime();
      seen.write(buffer, 0, n);
      String text = seen.toString(StandardCharsets.UTF_8);
      for (int end = text.indexOf("\n\n", scanned); end >= 0; end = text.indexOf("\n\n", scanned)) {
        if (SseEvents.carriesToken(text.substring(scanned, end + 2))) {
          times.add(now);
        }
        scanned = end + 2;
      }
    }
    return times;
  }
}
