package dev.gauntlet.reports.internal;

import dev.gauntlet.reports.SloResult;
import dev.gauntlet.reports.Status;
import dev.gauntlet.reports.Verdict;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The verdict as a JUnit XML report: one test suite {@code gauntlet.<scenario>}, one test case per SLO. Failed SLOs
 * carry a {@code <failure type="SloFailed">} whose message has the measured value, the threshold and the miss
 * ({@code success_rate was 0.7, must be >= 0.95 (0.250 below the minimum)}); unresolved ones an
 * {@code <error type="SloUnresolved">}, so that a CI test view is never green when the exit code is not 0. A run that
 * did not complete or whose injector fell behind adds a test case {@code run} with an
 * {@code <error type="RunIncomplete">}. Every text is escaped, since scenario names and messages may hold anything.
 * Thread-safe (stateless).
 */
public final class JunitXml {

  private JunitXml() {}

  public static String text(Verdict verdict) {
    String suite = Xml.escape("gauntlet." + verdict.scenario());
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    boolean incomplete = !verdict.runCompleted() || verdict.injectorFellBehind();
    int errors = verdict.withStatus(Status.UNRESOLVED).size() + (incomplete ? 1 : 0);
    xml.append("<testsuite name=\"")
        .append(suite)
        .append("\" tests=\"")
        .append(verdict.slos().size() + (incomplete ? 1 : 0))
        .append("\" failures=\"")
        .append(verdict.withStatus(Status.FAILED).size())
        .append("\" errors=\"")
        .append(errors)
        .append("\" skipped=\"0")
        .append("\" time=\"")
        .append(seconds(verdict))
        .append('"')
        .append(timestamp(verdict))
        .append(">\n");
    xml.append("  <properties>\n");
    property(xml, "seed", String.valueOf(verdict.seed()));
    property(xml, "outcome", verdict.outcome());
    property(xml, "verdict", verdict.status().label());
    property(xml, "exit_code", String.valueOf(verdict.exitCode()));
    xml.append("  </properties>\n");
    if (incomplete) {
      String reason = Xml.escape(verdict.reason());
      xml.append("  <testcase classname=\"")
          .append(suite)
          .append("\" name=\"run\" time=\"0\">\n")
          .append("    <error message=\"")
          .append(reason)
          .append("\" type=\"RunIncomplete\">")
          .append(reason)
          .append("</error>\n  </testcase>\n");
    }
    verdict.slos().forEach(slo -> testcase(xml, suite, slo));
    return xml.append("</testsuite>\n").toString();
  }

  private static void testcase(StringBuilder xml, String suite, SloResult slo) {
    xml.append("  <testcase classname=\"")
        .append(suite)
        .append("\" name=\"")
        .append(Xml.escape(slo.name()))
        .append("\" time=\"0\"");
    String message = Xml.escape(Margin.message(slo));
    switch (slo.status()) {
      case PASSED -> xml.append("/>\n");
      case FAILED ->
          xml.append(">\n    <failure message=\"")
              .append(message)
              .append("\" type=\"SloFailed\">")
              .append(message)
              .append("</failure>\n  </testcase>\n");
      case UNRESOLVED ->
          xml.append(">\n    <error message=\"")
              .append(message)
              .append("\" type=\"SloUnresolved\">")
              .append(message)
              .append("</error>\n  </testcase>\n");
    }
  }

  private static void property(StringBuilder xml, String name, String value) {
    xml.append("    <property name=\"")
        .append(Xml.escape(name))
        .append("\" value=\"")
        .append(Xml.escape(value))
        .append("\"/>\n");
  }

  private static String seconds(Verdict verdict) {
    boolean known = verdict.startedMs() > 0 && verdict.endedMs() >= verdict.startedMs();
    return known ? Format.number((verdict.endedMs() - verdict.startedMs()) / 1000.0, 3) : "0";
  }

  private static String timestamp(Verdict verdict) {
    if (verdict.startedMs() <= 0) {
      return "";
    }
    String iso =
        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
            Instant.ofEpochMilli(verdict.startedMs()).atOffset(ZoneOffset.UTC).withNano(0));
    return " timestamp=\"" + iso + "\"";
  }
}
