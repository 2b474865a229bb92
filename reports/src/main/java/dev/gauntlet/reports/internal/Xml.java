package dev.gauntlet.reports.internal;

/** Escapes untrusted text for XML attributes and content. Thread-safe (stateless). */
public final class Xml {

  private Xml() {}

  /**
   * {@code text} with the five XML specials escaped, tabs and line breaks kept as character references (so they
   * survive in attributes), and characters XML 1.0 cannot hold replaced by U+FFFD.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\t', '\n', '\r' -> out.append("&#").append(c).append(';');
        default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
      }
    }
    return out.toString();
  }

  private static boolean allowed(int c) {
    return (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}
