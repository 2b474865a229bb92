package dev.gauntlet.reports.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.dataset.ExpectationKind;
import java.util.List;
import java.util.Locale;

/**
 * A kind of one's own, plugged in as docs/scorers.md says: {@code {"shouting": true}} passes an all-capitals answer.
 * Listed in both service files of this module's test resources.
 */
public final class ShoutingKind implements ExpectationKind, Scorer<Expectation.Custom> {

  @Override
  public String name() {
    return "shouting";
  }

  @Override
  public List<String> check(JsonNode spec) {
    return spec.isBoolean() && spec.asBoolean()
        ? List.of()
        : List.of("must be true, but was " + spec);
  }

  @Override
  public String kind() {
    return name();
  }

  @Override
  public Class<Expectation.Custom> type() {
    return Expectation.Custom.class;
  }

  @Override
  public Score score(Expectation.Custom expected, AgentAnswer answer) {
    return answer.output().equals(answer.output().toUpperCase(Locale.ROOT))
        ? Score.pass("shouts")
        : Score.fail("output must be in capitals, but was " + answer.output());
  }
}
