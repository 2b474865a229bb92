package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code numeric}: a number in the output is within tolerance of the expected value:
 * {@code |actual - value| <= max(abs_tol, rel_tol * |value|)}. The number is the first in the output's text (see
 * {@link Numbers}), or the field at {@code pointer} of JSON output (a number, or the first number of a string).
 * Computed in decimal, so {@code 0.3} is within {@code 0.2} of {@code 0.1} exactly as a person reads it. Stateless
 * and thread-safe.
 */
public final class NumericScorer implements Scorer<Expectation.Numeric> {

  @Override
  public String kind() {
    return "numeric";
  }

  @Override
  public Class<Expectation.Numeric> type() {
    return Expectation.Numeric.class;
  }

  @Override
  public Score score(Expectation.Numeric expected, AgentAnswer answer) {
    Optional<BigDecimal> found =
        expected.pointer() == null
            ? Numbers.first(answer.output())
            : atPointer(answer.output(), expected.pointer());
    if (found.isEmpty()) {
      return Score.fail(
          "output must hold a number"
              + (expected.pointer() == null ? "" : " at " + expected.pointer())
              + ", but "
              + Shown.quoted(answer.output())
              + " has none");
    }
    BigDecimal want = BigDecimal.valueOf(expected.value());
    BigDecimal allowed =
        BigDecimal.valueOf(expected.absTol())
            .max(BigDecimal.valueOf(expected.relTol()).multiply(want.abs()));
    BigDecimal off = found.get().subtract(want).abs();
    String within = plain(found.get()) + " must be within " + plain(allowed) + " of " + plain(want);
    return off.compareTo(allowed) <= 0
        ? Score.pass(plain(found.get()) + " is within " + plain(allowed) + " of " + plain(want))
        : Score.fail(within + ", but is " + plain(off) + " away");
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  private static Optional<BigDecimal> atPointer(String output, String pointer) {
    return JsonOutput.parse(output)
        .map(json -> json.at(JsonPointer.compile(pointer)))
        .flatMap(NumericScorer::number);
  }

  private static Optional<BigDecimal> number(JsonNode field) {
    if (field.isNumber()) {
      return Optional.of(field.decimalValue());
    }
    return field.isTextual() ? Numbers.first(field.asText()) : Optional.empty();
  }
}
