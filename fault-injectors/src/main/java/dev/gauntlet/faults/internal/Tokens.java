package dev.gauntlet.faults.internal;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * {@code text} cut where its tokens end, as a model streams it: the pieces concatenate to {@code text}, and there
   * are as many as {@link #count} says, except where a character spans tokens (its tokens then make one piece).
   */
  public static List<String> pieces(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    IntArrayList tokens = ENCODING.encodeOrdinary(text);
    List<String> pieces = new ArrayList<>(tokens.size());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    IntArrayList one = new IntArrayList(1);
    for (int i = 0; i < tokens.size(); i++) {
      one.clear();
      one.add(tokens.get(i));
      pending.writeBytes(ENCODING.decodeBytes(one));
      byte[] bytes = pending.toByteArray();
      if (wholeCharacters(bytes)) {
        pieces.add(new String(bytes, StandardCharsets.UTF_8));
        pending.reset();
      }
    }
    if (pending.size() > 0) {
      pieces.add(pending.toString(StandardCharsets.UTF_8));
    }
    return pieces;
  }

  /** Whether {@code bytes} end on a UTF-8 character boundary. */
  private static boolean wholeCharacters(byte[] bytes) {
    int i = bytes.length - 1;
    int continuation = 0;
    while (i >= 0 && (bytes[i] & 0xC0) == 0x80) {
      continuation++;
      i--;
    }
    if (i < 0) {
      return false;
    }
    int lead = bytes[i] & 0xFF;
    int length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return continuation + 1 >= length;
  }

  /** Tokens in {@code text}; zero for null or empty text. */
  public static int count(String text) {
    return text == null || text.isEmpty() ? 0 : ENCODING.countTokensOrdinary(text);
  }
}
