package dev.gauntlet.faults.internal.openai;

import dev.gauntlet.run.Seeds;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * Seeded embedding vectors: Gaussian components drawn from {@code (seed, model, text)}, scaled to unit length as
 * OpenAI's are. Stateless and thread-safe.
 */
public final class Embeddings {

  /** The size of {@code text-embedding-3-small} and {@code text-embedding-ada-002}, and of unknown models. */
  public static final int DEFAULT_DIMENSIONS = 1536;

  /** The size of {@code text-embedding-3-large}. */
  public static final int LARGE_DIMENSIONS = 3072;

  private Embeddings() {}

  /** The vector size {@code model} has when the request does not ask for {@code dimensions}. */
  public static int dimensions(String model) {
    return model.equals("text-embedding-3-large") ? LARGE_DIMENSIONS : DEFAULT_DIMENSIONS;
  }

  /** The unit vector for {@code text}. */
  public static float[] vector(long seed, String model, String text, int dimensions) {
    RandomGenerator random = Seeds.generator(seed, "embedding", model, text);
    double[] raw = new double[dimensions];
    double norm = 0;
    for (int i = 0; i < dimensions; i++) {
      raw[i] = random.nextGaussian();
      norm += raw[i] * raw[i];
    }
    double scale = 1 / Math.sqrt(norm);
    float[] vector = new float[dimensions];
    for (int i = 0; i < dimensions; i++) {
      vector[i] = (float) (raw[i] * scale);
    }
    return vector;
  }

  /** The vector as OpenAI sends it for {@code encoding_format: base64}: little-endian float32s. */
  static String base64(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : vector) {
      bytes.putFloat(v);
    }
    return Base64.getEncoder().encodeToString(bytes.array());
  }
}
