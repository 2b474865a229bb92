package dev.gauntlet.reports.scoring;

import static dev.gauntlet.reports.scoring.Answers.call;
import static dev.gauntlet.reports.scoring.Answers.calls;
import static dev.gauntlet.reports.scoring.Answers.json;
import static dev.gauntlet.reports.scoring.Trajectories.expect;
import static dev.gauntlet.reports.scoring.Trajectories.parallel;
import static dev.gauntlet.reports.scoring.Trajectories.single;
import static dev.gauntlet.reports.scoring.Trajectories.strict;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.dataset.Expectation;
import dev.gauntlet.run.TaskRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrajectoryScorerTest {

  private final TrajectoryScorer scorer = new TrajectoryScorer();

  private final Expectation.Trajectory lookupThenTrack =
      strict(
          single(expect("lookup_order", "{\"order_id\": \"A1\"}")),
          single(expect("track_shipment", "{\"tracking_number\": \"1Z99\"}")));

  @Test
  void passesTheExpectedCallsInOrder() {
    Score score =
        scorer.score(
            lookupThenTrack,
            calls(
                call("lookup_order", "{\"order_id\": \"A1\"}"),
                call("track_shipment", "{\"tracking_number\": \"1Z99\"}")));

    assertThat(score).isEqualTo(Score.pass("made the 2 expected step(s)"));
  }

  @Test
  void failsSequentialStepsInTheWrongOrderWithTheShareOfStepsFound() {
    Score score =
        scorer.score(
            lookupThenTrack,
            calls(
                call("track_shipment", "{\"tracking_number\": \"1Z99\"}"),
                call("lookup_order", "{\"order_id\": \"A1\"}")));

    assertThat(score)
        .isEqualTo(
            Score.fail(0, "step 1 must call lookup_order, but the agent called track_shipment"));
  }

  @Test
  void acceptsTheCallsOfAParallelStepInAnyOrder() {
    Expectation.Trajectory both =
        strict(
            parallel(
                expect("get_customer", "{\"email\": \"a@b.c\"}"),
                expect("lookup_order", "{\"order_id\": \"A1\"}")));

    assertThat(
            scorer
                .score(
                    both,
                    calls(
                        call("lookup_order", "{\"order_id\": \"A1\"}"),
                        call("get_customer", "{\"email\": \"a@b.c\"}")))
                .passed())
        .isTrue();
  }

  @Test
  void failsAWrongArgumentValueNamingTheArgument() {
    Score score =
        scorer.score(
            lookupThenTrack,
            calls(
                call("lookup_order", "{\"order_id\": \"A2\"}"),
                call("track_shipment", "{\"tracking_number\": \"1Z99\"}")));

    assertThat(score.reason())
        .isEqualTo(
            "step 1 must call lookup_order, but lookup_order argument order_id must be "
                + "\"A1\", but was \"A2\"");
  }

  @Test
  void failsAMissingRequiredArgumentAndAnUnexpectedOne() {
    Expectation.Trajectory one = strict(single(expect("lookup_order", "{\"order_id\": \"A1\"}")));

    assertThat(scorer.score(one, calls(call("lookup_order", "{}"))).reason())
        .endsWith("lookup_order must have argument order_id, but it was missing");
    assertThat(
            scorer
                .score(
                    one, calls(call("lookup_order", "{\"order_id\": \"A1\", \"verbose\": true}")))
                .reason())
        .endsWith("lookup_order must not have argument verbose, but had true");
  }

  @Test
  void letsAnOptionalArgumentBeLeftOutButChecksItWhenGiven() {
    Expectation.Trajectory search =
        strict(single(expect("search", "{\"q\": \"refund\", \"limit\": 5}", "limit")));

    assertThat(scorer.score(search, calls(call("search", "{\"q\": \"refund\"}"))).passed())
        .isTrue();
    assertThat(
            scorer
                .score(search, calls(call("search", "{\"q\": \"refund\", \"limit\": 5}")))
                .passed())
        .isTrue();
    assertThat(
            scorer
                .score(search, calls(call("search", "{\"q\": \"refund\", \"limit\": 6}")))
                .passed())
        .isFalse();
  }

  @Test
  void acceptsAnyOfSeveralValuesForOneArgument() {
    Expectation.Trajectory.Call city =
        new Expectation.Trajectory.Call(
            "weather", Map.of("city", List.of(json("\"NYC\""), json("\"New York\""))), Set.of());

    assertThat(
            scorer
                .score(strict(single(city)), calls(call("weather", "{\"city\": \"new york\"}")))
                .passed())
        .isTrue();
    assertThat(
            scorer
                .score(strict(single(city)), calls(call("weather", "{\"city\": \"Boston\"}")))
                .reason())
        .endsWith("weather argument city must be one of \"NYC\", \"New York\", but was \"Boston\"");
  }

  @Test
  void acceptsAnIntegerForAnExpectedFloatButNotAFloatForAnExpectedInteger() {
    Expectation.Trajectory refund = strict(single(expect("issue_refund", "{\"amount\": 20.0}")));
    Expectation.Trajectory count = strict(single(expect("page", "{\"n\": 2}")));

    assertThat(scorer.score(refund, calls(call("issue_refund", "{\"amount\": 20}"))).passed())
        .isTrue();
    assertThat(scorer.score(count, calls(call("page", "{\"n\": 2.0}"))).passed()).isFalse();
    assertThat(scorer.score(count, calls(call("page", "{\"n\": \"2\"}"))).passed())
        .as("types must agree")
        .isFalse();
  }

  @Test
  void comparesStringsAfterBfclNormalisation() {
    Expectation.Trajectory city =
        strict(single(expect("weather", "{\"city\": \"San Francisco, CA\"}")));

    assertThat(
            scorer.score(city, calls(call("weather", "{\"city\": \"san francisco ca\"}"))).passed())
        .isTrue();
    assertThat(
            scorer
                .score(city, calls(call("weather", "{\"city\": \"San-Francisco/CA.\"}")))
                .passed())
        .isTrue();
    assertThat(scorer.score(city, calls(call("weather", "{\"city\": \"San Jose, CA\"}"))).passed())
        .isFalse();
  }

  @Test
  void failsCallsBeyondTheExpectedOnesUnlessExtrasAreAllowed() {
    Expectation.Trajectory.Step lookup = single(expect("lookup_order", "{\"order_id\": \"A1\"}"));
    List<dev.gauntlet.dataset.ToolCall> made =
        List.of(
            call("get_customer", "{\"email\": \"x\"}"),
            call("lookup_order", "{\"order_id\": \"A1\"}"),
            call("lookup_order", "{\"order_id\": \"A1\"}"));

    assertThat(scorer.score(strict(lookup), calls(made)).passed()).isFalse();
    assertThat(scorer.score(new Expectation.Trajectory(List.of(lookup), true), calls(made)))
        .isEqualTo(Score.pass("made the 1 expected step(s) and 2 other call(s)"));
  }

  @Test
  void failsWhenTheAgentStopsEarly() {
    Score score =
        scorer.score(lookupThenTrack, calls(call("lookup_order", "{\"order_id\": \"A1\"}")));

    assertThat(score)
        .isEqualTo(
            Score.fail(0.5, "step 2 must call track_shipment, but the agent made no more calls"));
  }

  @Test
  void anEmptyTrajectoryMeansNoToolCalls() {
    assertThat(scorer.score(strict(), calls()).passed()).isTrue();
    assertThat(scorer.score(strict(), calls(call("lookup_order", "{}"))).passed()).isFalse();
  }

  @Test
  void aRecordWithOnlyToolNamesFailsWrongNamesButLeavesArgumentsUnscored() {
    TaskRecord right =
        new TaskRecord(
            "t", "i", 0, 0, 1, 200, "ok", null, List.of("lookup_order", "track_shipment"));
    TaskRecord wrong =
        new TaskRecord("t", "i", 0, 0, 1, 200, "ok", null, List.of("track_shipment"));

    assertThat(scorer.score(lookupThenTrack, AgentAnswer.of(right, "q")).outcome())
        .isEqualTo(Score.Outcome.UNSCORED);
    assertThat(scorer.score(lookupThenTrack, AgentAnswer.of(wrong, "q")).outcome())
        .isEqualTo(Score.Outcome.FAILED);
    assertThat(
            scorer
                .score(
                    strict(
                        single(
                            new Expectation.Trajectory.Call("lookup_order", Map.of(), Set.of()))),
                    AgentAnswer.of(
                        new TaskRecord("t", "i", 0, 0, 1, 200, "ok", null, List.of("lookup_order")),
                        "q"))
                .passed())
        .as("a trajectory of names alone is fully checked from names")
        .isTrue();
  }
}
