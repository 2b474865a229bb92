package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;

/** {@code exact}: the output, trimmed, equals the expected value, trimmed; case matters. Stateless and thread-safe. */
public final class ExactScorer implements Scorer<Expectation.Exact> {

  @Override
  public String kind() {
    return "exact";
  }

  @Override
  public Class<Expectation.Exact> type() {
    return Expectation.Exact.class;
  }

  @Override
  public Score score(Expectation.Exact expected, AgentAnswer answer) {
    String want = expected.value().trim();
    return answer.output().trim().equals(want)
        ? Score.pass("output is exactly " + Shown.quoted(want))
        : Score.fail(
            "output must be exactly "
                + Shown.quoted(want)
                + ", but was "
                + Shown.quoted(answer.output()));
  }
}
