package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code reset_peer}: the first data (or end) in this toxic's direction is dropped, and {@code timeout}
 * milliseconds later both sides of the connection are reset: closed with SO_LINGER 0, so that each peer gets a TCP
 * RST ("Connection reset by peer") rather than an orderly close.
 *
 * @param timeout milliseconds; 0 resets at once
 */
record ResetPeer(long timeout) implements Toxic {

  @Override
  public String type() {
    return "reset_peer";
  }

  @Override
  public ResetPeer with(Attributes a) {
    return new ResetPeer(a.whole("timeout", timeout));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes.put("timeout", timeout);
  }

  @Override
  public ToxicStage newStage() {
    return new Reset(this);
  }

  private static final class Reset extends ToxicStage {

    private ResetPeer config;
    private boolean armed;
    private ScheduledFuture<?> timer;

    Reset(ResetPeer config) {
      this.config = config;
    }

    @Override
    protected void onData(ByteBuf bytes) {
      bytes.release();
      arm();
    }

    @Override
    protected void onEnd() {
      arm();
    }

    private void arm() {
      if (armed) {
        return;
      }
      armed = true;
      if (config.timeout == 0) {
        link.reset();
      } else {
        timer = link.executor().schedule(link::reset, config.timeout, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (ResetPeer) toxic;
    }

    @Override
    protected void release() {
      discard();
    }

    @Override
    protected void discard() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      armed = false;
    }
  }
}
