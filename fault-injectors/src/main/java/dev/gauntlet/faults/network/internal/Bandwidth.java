package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;

/**
 * {@code bandwidth}: data goes on at no more than {@code rate} kilobytes a second (1 KB = 1000 bytes, as in
 * Toxiproxy), in pieces of at most 10 ms worth, each sent once its time is paid. A rate of 0 means no limit.
 *
 * @param rate KB/s
 */
record Bandwidth(long rate) implements Toxic {

  @Override
  public String type() {
    return "bandwidth";
  }

  @Override
  public Bandwidth with(Attributes a) {
    return new Bandwidth(a.whole("rate", rate));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes.put("rate", rate);
  }

  @Override
  public ToxicStage newStage() {
    return new Throttle(this);
  }

  private static final class Throttle extends TimedStage {

    private Bandwidth config;

    Throttle(Bandwidth config) {
      this.config = config;
    }

    @Override
    protected void onData(ByteBuf bytes) {
      long rate = config.rate;
      if (rate == 0) {
        later(bytes, lastDue());
        return;
      }
      int piece = (int) Math.min(Integer.MAX_VALUE, Math.max(1, rate * 10));
      while (bytes.readableBytes() > piece) {
        send(bytes.readRetainedSlice(piece), rate);
      }
      send(bytes, rate);
    }

    private void send(ByteBuf piece, long rate) {
      // rate KB/s is rate bytes a millisecond: a byte costs 1e6 / rate nanoseconds
      later(piece, lastDue() + piece.readableBytes() * 1_000_000L / rate);
    }

    @Override
    protected void onEnd() {
      endAfterQueued();
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (Bandwidth) toxic;
    }
  }
}
