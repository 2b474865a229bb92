package dev.gauntlet.agent.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The response cache's key: the SHA-256, in hex, of the task's normalised input (Unicode NFKC,
 * lower case, runs of white space as one space, trimmed). A task that continues a conversation
 * hashes the remembered turns before its input, because its answer depends on them. Stateless.
 */
public final class CacheKey {
  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  private CacheKey() {}

  public static String of(List<MemoryTurn> history, String input) {
    MessageDigest sha = sha256();
    for (MemoryTurn turn : history) {
      sha.update(
          (turn.role() + ": " + normalise(turn.content()) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    sha.update(normalise(input).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest());
  }

  static String normalise(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return WHITE_SPACE.matcher(folded).replaceAll(" ").trim();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
