package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;

/**
 * {@code slow_close}: data passes untouched, but the end of the stream (the other side closing) goes on only
 * {@code delay} milliseconds later.
 *
 * @param delay milliseconds
 */
record SlowClose(long delay) implements Toxic {

  @Override
  public String type() {
    return "slow_close";
  }

  @Override
  public SlowClose with(Attributes a) {
    return new SlowClose(a.whole("delay", delay));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes.put("delay", delay);
  }

  @Override
  public ToxicStage newStage() {
    return new Linger(this);
  }

  private static final class Linger extends TimedStage {

    private SlowClose config;

    Linger(SlowClose config) {
      this.config = config;
    }

    @Override
    protected void onData(ByteBuf bytes) {
      later(bytes, lastDue());
    }

    @Override
    protected void onEnd() {
      endAt(System.nanoTime() + config.delay * 1_000_000L);
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (SlowClose) toxic;
    }
  }
}
