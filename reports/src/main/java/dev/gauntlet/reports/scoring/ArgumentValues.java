package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares an argument the agent sent with an expected value the way BFCL's AST checker does. Types must agree,
 * except that an expected float accepts an integer of the same value ({@code 2} for {@code 2.0}) while an expected
 * integer refuses a float. Strings compare after {@link #normalize}. Arrays compare element by element, in order;
 * objects key by key, with the same keys. Stateless and thread-safe.
 */
final class ArgumentValues {

  private static final Pattern IGNORED = Pattern.compile("[ ,./\\-_*^]");

  private ArgumentValues() {}

  /**
   * BFCL's string standardisation: spaces and {@code , . / - _ * ^} removed, lower case, single quotes read as
   * double quotes. So {@code "New York, NY"} equals {@code "new york ny"}.
   */
  static String normalize(String text) {
    return IGNORED.matcher(text).replaceAll("").toLowerCase(Locale.ROOT).replace('\'', '"');
  }

  static boolean matches(JsonNode expected, JsonNode actual) {
    if (expected.isTextual()) {
      return actual.isTextual() && normalize(expected.asText()).equals(normalize(actual.asText()));
    }
    if (expected.isIntegralNumber()) {
      return actual.isIntegralNumber()
          && expected.bigIntegerValue().equals(actual.bigIntegerValue());
    }
    if (expected.isNumber()) {
      return actual.isNumber() && expected.decimalValue().compareTo(actual.decimalValue()) == 0;
    }
    if (expected.isArray()) {
      return actual.isArray() && actual.size() == expected.size() && elements(expected, actual);
    }
    if (expected.isObject()) {
      return actual.isObject() && actual.size() == expected.size() && fields(expected, actual);
    }
    return expected.equals(actual);
  }

  private static boolean elements(JsonNode expected, JsonNode actual) {
    for (int i = 0; i < expected.size(); i++) {
      if (!matches(expected.get(i), actual.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean fields(JsonNode expected, JsonNode actual) {
    for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!actual.has(name) || !matches(expected.get(name), actual.get(name))) {
        return false;
      }
    }
    return true;
  }
}
