package dev.gauntlet.faults;

import dev.gauntlet.dataset.Dataset;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.Item;
import dev.gauntlet.dataset.ScriptStep;
import dev.gauntlet.run.RunDirectory;
import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.Window;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark, not a test: how exactly the provider mock paces thousands of concurrent token streams. It starts a fault
 * plane whose latency fault sets a fixed time to first token and a fixed token rate with no jitter, opens
 * {@code streams} connections and sends one streaming Chat Completions call on each with a plain Netty client, the
 * sends spread over one stream's length so that all {@code streams} are open at once at the peak (after a warm-up
 * round), and compares when each token arrived with when the fault says it
 * should: the time to first token from the moment the request's last byte was written, and every gap between two tokens. Prints
 * p50, p99 and max of both errors. {@code bench/streams.sh} runs it.
 *
 * <p>The client is the instrument and shares the machine's cores with the server, so it does as little as it can: one
 * epoll thread, raw bytes, no HTTP decoding. Before the measured rounds, {@code warmups} rounds of as many streams
 * let the JIT compile both sides.
 *
 * <p>Each measured round also prints the mock's own lateness in writing the events (on its clock, which is what the
 * ledger's first and last byte times record), and what the machine did meanwhile: steal time, idle time, JIT
 * compilation, and how late a thread asleep for 1 ms woke. On a shared virtual machine those set a floor that no
 * program on it can go below, and they vary from one minute to the next: read each round with its context.
 *
 * <p>Usage: {@code StreamBenchmark [streams=2000] [ttftMs=500] [tokensPerSecond=20] [warmups=12] [rounds=5]}.
 */
public final class StreamBenchmark {

  private static final String INPUT = "Tell me how my order travels.";
  private static final String ANSWER = "Your parcel left the warehouse this morning, crossed the river on the early "
      + "ferry, and is now riding with a courier who knows every street in town; expect a knock on your door "
      + "before dinner, and keep the tracking number handy in case the driver calls ahead.";

  /**
   * Steal time (percent of the machine's CPU time) under which a round counts as quiet: on a shared virtual machine,
   * a round in which the hypervisor gave a few percent of the CPU to other guests loses whole milliseconds at a time,
   * to every thread at once, which no program on the guest can make up.
   */
  private static final double QUIET_STEAL_PERCENT = 0.5;

  /** Tokens in {@link #ANSWER}. */
  private static final int TOKENS = dev.gauntlet.faults.internal.Tokens.count(ANSWER);

  private StreamBenchmark() {}

  public static void main(String[] args) throws Exception {
    int streams = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long ttftMs = args.length > 1 ? Long.parseLong(args[1]) : 500;
    double tokensPerSecond = args.length > 2 ? Double.parseDouble(args[2]) : 20;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 12;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 5;
    Fault.Latency latency = new Fault.Latency(new Delay.Fixed(Duration.ofMillis(ttftMs)), tokensPerSecond, 0,
        Fault.Latency.SlowTail.NONE);
    FaultSpec spec = new FaultSpec("paced", new Window(Duration.ZERO, Duration.ofHours(1)), 1.0, "primary", null,
        latency);
    Path dir = Files.createTempDirectory("gauntlet-streams");
    // The client: one epoll thread for every round, so that its code, warm after the first rounds, stays so.
    EventLoopGroup client = new MultiThreadIoEventLoopGroup(1,
        Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    try (FaultPlane plane = FaultPlane.start(Fixtures.scenario(1, spec), dataset(), RunDirectory.create(dir),
        Clock.systemUTC())) {
      plane.startTimeline();
      URI url = URI.create(plane.providerBaseUrl("primary") + "/chat/completions");
      long gapNanos = Math.round(1e9 / tokensPerSecond);
      // A stream lasts ttft + (tokens - 1) gaps: starting one every (that / streams) keeps `streams` of them open.
      Duration spread = Duration.ofNanos(TimeUnit.MILLISECONDS.toNanos(ttftMs) + (TOKENS - 1) * gapNanos);
      // Warms the JIT of both sides: C2 goes on compiling the request and stream paths for many rounds, and a
      // compiler thread busy during a measured round takes a core from the streams (after 6 rounds it still compiled
      // 400-600 ms a round here, after 12 rounds 110-170 ms).
      for (int w = 0; w < warmups; w++) {
        round(client, url, "warm" + w, streams, spread);
      }
      System.out.printf("%d streams a round, ttft %d ms, gap %.1f ms, no jitter; goal: both client-side errors' "
          + "p99 <= 2 ms%n", streams, ttftMs, gapNanos / 1e6);
      List<Long> allTtft = new ArrayList<>();
      List<Long> allGaps = new ArrayList<>();
      List<Long> quietTtft = new ArrayList<>();
      List<Long> quietGaps = new ArrayList<>();
      int quiet = 0;
      for (int r = 1; r <= rounds; r++) {
        Machine before = Machine.now();
        StreamPacing pacing = plane.streamPacing();
        Sleeper sleeper = Sleeper.begin();
        List<long[]> arrivals = round(client, url, "stream" + r, streams, spread);
        List<Long> sleeps = sleeper.finish();
        Machine during = Machine.now().since(before);
        pacing = plane.streamPacing().since(pacing);
        List<Long> ttft = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        errors(arrivals, TimeUnit.MILLISECONDS.toNanos(ttftMs), gapNanos, ttft, gaps);
        allTtft.addAll(ttft);
        allGaps.addAll(gaps);
        if (during.steal() < QUIET_STEAL_PERCENT) {
          quiet++;
          quietTtft.addAll(ttft);
          quietGaps.addAll(gaps);
        }
        System.out.printf("%nround %d: %d streams, at most %d open at once, %d tokens%n", r, arrivals.size(),
            mostOpen(arrivals), gaps.size() + ttft.size());
        print("ttft error", ttft);
        print("inter-token error", gaps);
        System.out.printf("  the mock's own write lateness (its clock, before the kernel and the reader): p50 %.3f ms"
            + "   p99 %.3f ms   p99.9 %.3f ms   (%d events)%n", pacing.percentile(0.50).toNanos() / 1e6,
            pacing.percentile(0.99).toNanos() / 1e6, pacing.percentile(0.999).toNanos() / 1e6, pacing.events());
        System.out.printf("  the machine meanwhile: steal %.1f%%, idle %.1f%%, JIT compiling %d ms; a thread asleep "
            + "for 1 ms woke p99 %.3f ms, max %.3f ms late%n", during.steal(), during.idle(), during.compileMs(),
            at(sorted(sleeps), 0.99) / 1e6, at(sorted(sleeps), 1.0) / 1e6);
      }
      if (rounds > 1) {
        System.out.printf("%nall %d rounds%n", rounds);
        print("ttft error", allTtft);
        print("inter-token error", allGaps);
        System.out.printf("%nthe %d of %d rounds in which the hypervisor took less than %.1f%% of the CPU (steal)%n",
            quiet, rounds, QUIET_STEAL_PERCENT);
        print("ttft error", quietTtft);
        print("inter-token error", quietGaps);
      }
    }
    client.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    System.exit(0);
  }

  /**
   * Runs {@code streams} streams at once on {@code streams} connections opened beforehand; each result is the time
   * the request's last byte was written followed by each token's arrival.
   */
  private static List<long[]> round(EventLoopGroup loop, URI url, String name, int streams, Duration spread) {
    String body = "{\"model\":\"" + Fixtures.MODEL + "\",\"stream\":true,"
        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + INPUT + "\"}]}";
    boolean epoll = Epoll.isAvailable();
    List<TokenTimes> all = new ArrayList<>();
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      TokenTimes times = new TokenTimes();
      all.add(times);
      channels.add(new Bootstrap().group(loop).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(times);
            }
          }).connect(url.getHost(), url.getPort()).syncUninterruptibly().channel());
    }
    for (int i = 0; i < streams; i++) {
      byte[] json = body.getBytes(StandardCharsets.UTF_8);
      // Each round's tasks are new ones, as a real agent's would be, not more calls of the last round's tasks.
      ByteBuf request = Unpooled.wrappedBuffer(("POST " + url.getPath() + " HTTP/1.1\r\nHost: " + url.getHost()
          + ":" + url.getPort() + "\r\nContent-Type: application/json\r\nX-Gauntlet-Task-Id: " + name + "-" + i
          + "\r\nContent-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), json);
      TokenTimes times = all.get(i);
      Channel channel = channels.get(i);
      channel.eventLoop().schedule(() -> channel.writeAndFlush(request)
          .addListener(f -> times.sent = System.nanoTime()), spread.toNanos() * i / streams, TimeUnit.NANOSECONDS);
    }
    List<long[]> results = new ArrayList<>();
    for (TokenTimes times : all) {
      results.add(times.done.orTimeout(2, TimeUnit.MINUTES).join());
    }
    channels.forEach(Channel::close);
    return results;
  }

  /** Each stream's time to first token error and each of its gaps' error, against the configured values. */
  private static void errors(List<long[]> arrivals, long ttft, long gap, List<Long> ttftErrors, List<Long> gapErrors) {
    for (long[] a : arrivals) {
      if (a.length < 2) {
        continue;
      }
      ttftErrors.add(Math.abs(a[1] - a[0] - ttft));
      for (int i = 2; i < a.length; i++) {
        gapErrors.add(Math.abs(a[i] - a[i - 1] - gap));
      }
    }
  }

  /** The most streams that were open (sent, last token not yet arrived) at one time. */
  private static int mostOpen(List<long[]> arrivals) {
    List<long[]> edges = new ArrayList<>();
    for (long[] a : arrivals) {
      edges.add(new long[] {a[0], 1});
      edges.add(new long[] {a[a.length - 1], -1});
    }
    edges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    int open = 0;
    int most = 0;
    for (long[] e : edges) {
      open += (int) e[1];
      most = Math.max(most, open);
    }
    return most;
  }

  private static void print(String what, List<Long> errors) {
    long[] sorted = sorted(errors);
    if (sorted.length == 0) {
      System.out.printf("  %-18s no samples%n", what);
      return;
    }
    System.out.printf("  %-18s p50 %7.3f ms   p99 %7.3f ms   max %7.3f ms   (%d samples)%n", what,
        at(sorted, 0.50) / 1e6, at(sorted, 0.99) / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
  }

  private static long[] sorted(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private static long at(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  }

  /**
   * What else the machine did during a round, from {@code /proc/stat} (all zero where there is none): the share of
   * CPU time the hypervisor gave to other guests (steal) and the share left idle, and the JIT's compile time.
   */
  private record Machine(double steal, double idle, long compileMs, long[] ticks) {

    static Machine now() {
      long[] ticks = new long[8];
      try {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        for (int i = 0; i < ticks.length && i + 1 < fields.length; i++) {
          ticks[i] = Long.parseLong(fields[i + 1]);
        }
      } catch (java.io.IOException | RuntimeException e) {
        // not Linux: no figures
      }
      return new Machine(0, 0, ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), ticks);
    }

    /** The shares between {@code earlier} and this one, in percent. */
    Machine since(Machine earlier) {
      long total = 0;
      for (int i = 0; i < ticks.length; i++) {
        total += ticks[i] - earlier.ticks[i];
      }
      double per = total == 0 ? 0 : 100.0 / total;
      return new Machine((ticks[7] - earlier.ticks[7]) * per, (ticks[3] - earlier.ticks[3]) * per,
          compileMs - earlier.compileMs, ticks);
    }
  }

  /**
   * A thread that sleeps 1 ms again and again and notes how late it wakes each time: the floor of any timing on the
   * machine at that moment, the mock's event loops and the client's included.
   */
  private static final class Sleeper extends Thread {
    private final List<Long> late = new ArrayList<>();

    private Sleeper() {
      super("bench-sleeper");
      setDaemon(true);
    }

    static Sleeper begin() {
      Sleeper sleeper = new Sleeper();
      sleeper.start();
      return sleeper;
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        long asleep = System.nanoTime();
        LockSupport.parkNanos(1_000_000);
        late.add(Math.max(0, System.nanoTime() - asleep - 1_000_000));
      }
    }

    List<Long> finish() throws InterruptedException {
      interrupt();
      join();
      return late;
    }
  }

  private static Dataset dataset() {
    Item story = new Item("s-1", INPUT, new Expectation.Contains(List.of("parcel")), List.of(),
        List.of(new ScriptStep.Answer(ANSWER)), List.of(), 1);
    return new Dataset("streams", "1", "bench", List.of(), List.of(story), null);
  }

  /**
   * Records when each event that carries a token arrives on one connection. It reads the raw bytes, with no HTTP
   * decoding and no strings, so that the instrument costs as little CPU as it can on a machine it shares with the
   * server: a token event is a chunk holding {@code "delta":{"content"} (the opening role delta and the empty
   * finishing delta do not), and the response ends with the last chunk {@code 0\r\n\r\n}.
   */
  private static final class TokenTimes extends ChannelInboundHandlerAdapter {
    private static final byte[] TOKEN = "\"delta\":{\"content\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    final CompletableFuture<long[]> done = new CompletableFuture<>();
    volatile long sent;
    private long[] times = new long[64];
    private int count;
    /** Position reached in each pattern, carried from one read to the next. */
    private int token;
    private int end;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      long now = System.nanoTime();
      ByteBuf in = (ByteBuf) message;
      try {
        for (int i = in.readerIndex(), last = in.writerIndex(); i < last; i++) {
          byte b = in.getByte(i);
          token = b == TOKEN[token] ? token + 1 : (b == TOKEN[0] ? 1 : 0);
          if (token == TOKEN.length) {
            token = 0;
            if (count == times.length) {
              times = java.util.Arrays.copyOf(times, count * 2);
            }
            times[count++] = now;
          }
          end = b == END[end] ? end + 1 : (b == END[0] ? 1 : 0);
          if (end == END.length) {
            long[] out = new long[count + 1];
            out[0] = sent;
            System.arraycopy(times, 0, out, 1, count);
            done.complete(out);
          }
        }
      } finally {
        in.release();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      done.completeExceptionally(cause);
      ctx.close();
    }
  }
}
