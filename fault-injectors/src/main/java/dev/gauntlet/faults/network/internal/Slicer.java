package dev.gauntlet.faults.network.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code slicer}: cuts data into pieces of about {@code average_size} ± {@code size_variation} bytes, by halving
 * each piece at a point drawn around its middle until it is small enough, as Toxiproxy does, and sends them
 * {@code delay} <em>microseconds</em> apart.
 *
 * @param averageSize   bytes
 * @param sizeVariation bytes
 * @param delay         microseconds between two pieces
 */
record Slicer(long averageSize, long sizeVariation, long delay) implements Toxic {

  @Override
  public String type() {
    return "slicer";
  }

  @Override
  public Slicer with(Attributes a) {
    return new Slicer(
        a.whole("average_size", averageSize),
        a.whole("size_variation", sizeVariation),
        a.whole("delay", delay));
  }

  @Override
  public void write(ObjectNode attributes) {
    attributes
        .put("average_size", averageSize)
        .put("size_variation", sizeVariation)
        .put("delay", delay);
  }

  @Override
  public ToxicStage newStage() {
    return new Slice(this);
  }

  /** The sizes of the pieces {@code size} bytes are cut into, in order. */
  List<Integer> cut(int size, RandomGenerator random) {
    List<Integer> sizes = new ArrayList<>();
    cut(size, random, sizes);
    return sizes;
  }

  private void cut(int size, RandomGenerator random, List<Integer> sizes) {
    if (size <= 1 || size - averageSize <= sizeVariation) {
      sizes.add(size);
      return;
    }
    long shift = sizeVariation == 0 ? 0 : random.nextLong(-sizeVariation, sizeVariation + 1);
    int left = (int) Math.max(1, Math.min(size - 1, size / 2 + shift));
    cut(left, random, sizes);
    cut(size - left, random, sizes);
  }

  private static final class Slice extends TimedStage {

    private Slicer config;
    private long free = System.nanoTime();

    Slice(Slicer config) {
      this.config = config;
    }

    @Override
    protected void onData(ByteBuf bytes) {
      List<Integer> sizes = config.cut(bytes.readableBytes(), random);
      for (int i = 0; i < sizes.size(); i++) {
        ByteBuf piece = i == sizes.size() - 1 ? bytes : bytes.readRetainedSlice(sizes.get(i));
        long at = Math.max(System.nanoTime(), free);
        free = at + config.delay * 1_000L;
        later(piece, at);
      }
    }

    @Override
    protected void onEnd() {
      endAfterQueued();
    }

    @Override
    protected void configure(Toxic toxic) {
      config = (Slicer) toxic;
    }
  }
}
