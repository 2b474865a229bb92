package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}: no data gets through; {@code timeout} milliseconds after the toxic took hold of the connection
 * (when the connection opened, or when the toxic was added or updated) the connection is closed and what was held
 * is dropped. With 0 the connection stays open and data is held until the toxic is removed, when it all goes on.
 *
 * @param timeout milliseconds; 0 for never
 */
record Timeout(long timeout) implements Toxic {

  @Override
  public String type() {
    return "timeout";
  }

  @Override
  public Timeout with(Attributes a) {
    return new Timeout(a.whole("timeout", timeout));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes.put("timeout", timeout);
  }

  @Override
  public ToxicStage newStage() {
    return new Hold(this);
  }

  private static final class Hold extends ToxicStage {

    private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
    private Timeout config;
    private boolean ended;
    private ScheduledFuture<?> timer;

    Hold(Timeout config) {
      this.config = config;
    }

    @Override
    protected void started() {
      cancel();
      if (config.timeout > 0) {
        timer = link.executor().schedule(this::expire, config.timeout, TimeUnit.MILLISECONDS);
      }
    }

    private void expire() {
      timer = null;
      discard();
      finish();
    }

    @Override
    protected void onData(ByteBuf bytes) {
      link.hold(bytes.readableBytes());
      held.add(bytes);
    }

    @Override
    protected void onEnd() {
      ended = true;
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (Timeout) toxic;
      if (active()) {
        started();
      }
    }

    @Override
    protected void release() {
      cancel();
      for (ByteBuf bytes = held.poll(); bytes != null; bytes = held.poll()) {
        link.unhold(bytes.readableBytes());
        emit(bytes);
      }
      if (ended) {
        finish();
      }
    }

    @Override
    protected void discard() {
      cancel();
      for (ByteBuf bytes = held.poll(); bytes != null; bytes = held.poll()) {
        link.unhold(bytes.readableBytes());
        bytes.release();
      }
    }

    private void cancel() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }
}
