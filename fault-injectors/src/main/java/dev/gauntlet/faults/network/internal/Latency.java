package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;

/**
 * {@code latency}: every piece of data goes on {@code latency} ± {@code jitter} milliseconds after it arrived, and
 * never before the piece ahead of it. The jitter is drawn per piece, uniformly.
 *
 * @param latency milliseconds
 * @param jitter  milliseconds
 */
record Latency(long latency, long jitter) implements Toxic {

  private static final long MS = 1_000_000L;

  @Override
  public String type() {
    return "latency";
  }

  @Override
  public Latency with(Attributes a) {
    return new Latency(a.whole("latency", latency), a.whole("jitter", jitter));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes.put("latency", latency).put("jitter", jitter);
  }

  @Override
  public ToxicStage newStage() {
    return new Delay(this);
  }

  private static final class Delay extends TimedStage {

    private Latency config;

    Delay(Latency config) {
      this.config = config;
    }

    @Override
    protected void onData(ByteBuf bytes) {
      long delay = config.latency * MS;
      if (config.jitter > 0) {
        delay += random.nextLong(-config.jitter * MS, config.jitter * MS);
      }
      later(bytes, System.nanoTime() + Math.max(0, delay));
    }

    @Override
    protected void onEnd() {
      endAfterQueued();
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (Latency) toxic;
    }
  }
}
