package dev.gauntlet.faults.network.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of one connection: bytes read from {@code source} pass through a chain of stages, one per toxic on
 * that direction in the order the toxics were added, and are written to {@code dest}. With no toxic the buffer read
 * is the buffer written: no copy. Reading stops while {@code dest} cannot take more or the stages hold more than
 * 1 MiB, and resumes when both have drained. Writes made while a read burst is under way are flushed once at its
 * end. Not thread-safe: every call comes from the connection's event loop.
 */
final class Link {

  private static final int HOLD_HIGH = 1 << 20;
  private static final int HOLD_LOW = 256 << 10;

  private final ProxiedConnection connection;
  private final Channel source;
  private final Channel dest;
  private final List<ToxicStage> stages = new ArrayList<>();
  private final Flow sink = new Sink();
  private Flow head = sink;
  private long held;
  private boolean reading;
  private boolean unflushed;

  Link(ProxiedConnection connection, Channel source, Channel dest) {
    this.connection = connection;
    this.source = source;
    this.dest = dest;
  }

  EventExecutor executor() {
    return source.eventLoop();
  }

  void read(ByteBuf bytes) {
    reading = true;
    head.data(bytes);
  }

  void readComplete() {
    reading = false;
    if (unflushed) {
      unflushed = false;
      dest.flush();
    }
  }

  void sourceClosed() {
    readComplete();
    head.end();
  }

  /** Appends a stage for {@code spec}, unless one with its name is already there. */
  void add(ToxicSpec spec) {
    if (find(spec.name()) >= 0) {
      return;
    }
    ToxicStage stage = spec.toxic().newStage();
    stage.bind(this, spec, connection.stageRandom(spec));
    stage.next(sink);
    if (stages.isEmpty()) {
      head = stage;
    } else {
      stages.get(stages.size() - 1).next(stage);
    }
    stages.add(stage);
    if (connection.applies(spec)) {
      stage.activate();
    }
  }

  /** Gives the stage for {@code spec} its new attributes and toxicity. */
  void update(ToxicSpec spec) {
    int i = find(spec.name());
    if (i < 0) {
      add(spec);
      return;
    }
    ToxicStage stage = stages.get(i);
    boolean on = connection.applies(spec);
    if (!on) {
      stage.deactivate();
    }
    stage.respec(spec);
    if (on && !stage.active()) {
      stage.activate();
    }
  }

  /** Takes the stage named {@code name} out, letting what it held go on first. */
  void remove(String name) {
    int i = find(name);
    if (i < 0) {
      return;
    }
    ToxicStage stage = stages.remove(i);
    stage.deactivate();
    if (i == 0) {
      head = stage.next();
    } else {
      stages.get(i - 1).next(stage.next());
    }
    stage.discard();
  }

  /** Counts bytes a stage holds back, and stops reading when too many are held. */
  void hold(int bytes) {
    held += bytes;
    steer();
  }

  void unhold(int bytes) {
    held -= bytes;
    steer();
  }

  void writabilityChanged() {
    steer();
  }

  /** Resets both sides of the connection. */
  void reset() {
    connection.reset();
  }

  /** Drops whatever the stages hold: the connection is gone. */
  void dispose() {
    stages.forEach(ToxicStage::discard);
  }

  private void steer() {
    boolean reads = source.config().isAutoRead();
    boolean wanted = dest.isWritable() && held < (reads ? HOLD_HIGH : HOLD_LOW);
    if (wanted != reads) {
      source.config().setAutoRead(wanted);
    }
  }

  private int find(String name) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).spec().name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the chain: writes to {@code dest}, and closes it when the stream ends. */
  private final class Sink implements Flow {

    @Override
    public void data(ByteBuf bytes) {
      if (!dest.isActive()) {
        bytes.release();
        return;
      }
      dest.write(bytes, dest.voidPromise());
      if (reading) {
        unflushed = true;
      } else {
        dest.flush();
      }
    }

    @Override
    public void end() {
      dest.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
