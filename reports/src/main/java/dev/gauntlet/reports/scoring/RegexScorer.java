package dev.gauntlet.reports.scoring;

import dev.gauntlet.dataset.Expectation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code regex}: the Java regular expression is found somewhere in the output ({@link Matcher#find()}); anchor it
 * with {@code ^…$} to match the whole output. Compiles each pattern once. Thread-safe.
 */
public final class RegexScorer implements Scorer<Expectation.Regex> {

  private final Map<Expectation.Regex, Pattern> compiled = new ConcurrentHashMap<>();

  @Override
  public String kind() {
    return "regex";
  }

  @Override
  public Class<Expectation.Regex> type() {
    return Expectation.Regex.class;
  }

  @Override
  public Score score(Expectation.Regex expected, AgentAnswer answer) {
    Matcher matcher =
        compiled.computeIfAbsent(expected, Expectation.Regex::compile).matcher(answer.output());
    String shown = "/" + expected.pattern() + "/" + expected.flags();
    return matcher.find()
        ? Score.pass("output matches " + shown + " at " + Shown.quoted(matcher.group()))
        : Score.fail(
            "output must match "
                + shown
                + ", but nothing in "
                + Shown.quoted(answer.output())
                + " does");
  }
}
