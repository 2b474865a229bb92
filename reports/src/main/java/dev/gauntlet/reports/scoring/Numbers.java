package dev.gauntlet.reports.scoring;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first number in a text: an optional sign, digits (commas between groups of three are thousands
 * separators, as in {@code 42,787}), an optional decimal part and exponent. Digits glued to a letter before them,
 * as in the id {@code A82634}, are not a number; a unit after them ({@code 12kg}) is fine.
 */
final class Numbers {

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}_.])[-+]?(?:\\d{1,3}(?:,\\d{3})++(?!\\d)|\\d++)(?:\\.\\d++)?(?:[eE][-+]?\\d++)?");

  private Numbers() {}

  static Optional<BigDecimal> first(String text) {
    Matcher matcher = NUMBER.matcher(text);
    return matcher.find()
        ? Optional.of(new BigDecimal(matcher.group().replace(",", "").replace("+", "")))
        : Optional.empty();
  }
}
