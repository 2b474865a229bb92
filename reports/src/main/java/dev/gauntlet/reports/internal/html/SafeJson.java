package dev.gauntlet.reports.internal.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.run.Json;

/**
 * JSON that is safe inside an HTML {@code <script type="application/json">} element: {@code < > & '} are written
 * as JSON unicode escapes, so no string in it can close the element. The page reads it with {@code JSON.parse}.
 * Thread-safe.
 */
final class SafeJson {

  private static final Escapes ESCAPES = new Escapes();

  private SafeJson() {}

  static String text(JsonNode tree) {
    try {
      return Json.mapper().writer().with(ESCAPES).writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree must always serialize, but this one did not", e);
    }
  }

  private static final class Escapes extends CharacterEscapes {
    private final int[] table = standardAsciiEscapesForJSON();

    Escapes() {
      for (char c : new char[] {'<', '>', '&', '\''}) {
        table[c] = ESCAPE_STANDARD;
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return table;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null; // nothing above ASCII needs escaping for JSON.parse
    }
  }
}
