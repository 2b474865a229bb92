package dev.gauntlet.reports.internal.html;

/**
 * Escapes untrusted text (agent output, error messages, names from a scenario) for HTML element content and quoted
 * attribute values. Thread-safe (stateless).
 */
public final class Html {

  private Html() {}

  /**
   * {@code text} with {@code & < > " '} as character references and control characters other than tab and line
   * breaks replaced by U+FFFD, so that nothing in it can open a tag, close an attribute or start a script.
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\t', '\n', '\r' -> out.append(c);
        default -> out.append(Character.isISOControl(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }
}
