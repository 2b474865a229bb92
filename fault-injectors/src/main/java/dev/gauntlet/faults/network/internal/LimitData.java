package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;

/**
 * {@code limit_data}: lets {@code bytes} bytes through in this direction, then closes the connection. The count
 * survives updates, so lowering the limit below what already went through closes at the next data.
 *
 * @param bytes how many bytes go through before the close
 */
record LimitData(long bytes) implements Toxic {

  @Override
  public String type() {
    return "limit_data";
  }

  @Override
  public LimitData with(Attributes a) {
    return new LimitData(a.whole("bytes", bytes));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes.put("bytes", bytes);
  }

  @Override
  public ToxicStage newStage() {
    return new Limit(this);
  }

  private static final class Limit extends ToxicStage {

    private LimitData config;
    private long sent;

    Limit(LimitData config) {
      this.config = config;
    }

    @Override
    protected void onData(ByteBuf data) {
      int room = (int) Math.min(data.readableBytes(), Math.max(0, config.bytes - sent));
      if (room == data.readableBytes()) {
        emit(data);
      } else {
        if (room > 0) {
          emit(data.readRetainedSlice(room));
        }
        data.release();
      }
      sent += room;
      if (sent >= config.bytes) {
        finish();
      }
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (LimitData) toxic;
    }
  }
}
