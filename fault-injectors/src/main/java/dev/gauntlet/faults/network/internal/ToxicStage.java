package dev.gauntlet.faults.network.internal;

import io.netty.buffer.ByteBuf;
import java.util.random.RandomGenerator;

/**
 * One toxic at work on one direction of one connection. A stage that its toxicity did not pick passes everything on
 * untouched; one that was picked hands data to its subclass. Subclasses hold data back by telling the link, so that
 * the link stops reading while too much is held. Not thread-safe: every call comes from the connection's event loop.
 */
abstract class ToxicStage implements Flow {

  private Flow next;
  private boolean active;
  private boolean finished;
  private ToxicSpec spec;
  protected Link link;
  protected RandomGenerator random;

  final void bind(Link link, ToxicSpec spec, RandomGenerator random) {
    this.link = link;
    this.spec = spec;
    this.random = random;
  }

  final ToxicSpec spec() {
    return spec;
  }

  final void respec(ToxicSpec spec) {
    this.spec = spec;
    configure(spec.toxic());
  }

  final void next(Flow next) {
    this.next = next;
  }

  final Flow next() {
    return next;
  }

  final boolean active() {
    return active;
  }

  final void activate() {
    active = true;
    started();
  }

  /** Switches this stage off for its link, letting whatever it holds go on at once. */
  final void deactivate() {
    if (active) {
      active = false;
      release();
    }
  }

  @Override
  public final void data(ByteBuf bytes) {
    if (finished) {
      bytes.release();
    } else if (active) {
      onData(bytes);
    } else {
      next.data(bytes);
    }
  }

  @Override
  public final void end() {
    if (finished) {
      return;
    }
    if (active) {
      onEnd();
    } else {
      finished = true;
      next.end();
    }
  }

  protected final void emit(ByteBuf bytes) {
    next.data(bytes);
  }

  /** Ends the stream here: later data is dropped. */
  protected final void finish() {
    if (!finished) {
      finished = true;
      next.end();
    }
  }

  protected abstract void onData(ByteBuf bytes);

  protected void onEnd() {
    finish();
  }

  /** Called with the toxic's new attributes after an update. */
  protected abstract void configure(Toxic toxic);

  /** Called once the stage is active and wired: a stage that acts on time alone starts its clock here. */
  protected void started() {}

  /** Lets everything held go on at once, in order: the toxic was removed or switched off for this link. */
  protected void release() {}

  /** Drops everything held: the connection is gone. */
  protected void discard() {}
}
