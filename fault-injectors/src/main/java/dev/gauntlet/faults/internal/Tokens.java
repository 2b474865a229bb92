package dev.gauntlet.faults.internal;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Token counts with the {@code o200k_base} encoding, shared because building it costs hundreds of milliseconds.
 * Thread-safe.
 */
public final class Tokens {

  /** OpenAI's documented overhead per chat message (role and separators). */
  public static final int PER_MESSAGE = 4;
  /** Tokens that prime the assistant's reply. */
  public static final int REPLY_PRIMER = 3;

  private static final Encoding ENCODING =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

  private Tokens() {}

  /** Tokens in {@code text}; zero for null or empty text. */
  public static int count(String text) {
    return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
  }
}
