package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a latency is laid onto an answer: a fixed delay for a whole one, a pace for a stream. */
class AnswersTest {

  private static ResponseDefinition stream(int events) {
    return Answers.build(
        new HttpAnswer(200, Map.of(), "data: {}\n\n".repeat(events)), "text/event-stream", "req_1");
  }

  @Test
  void aStreamCarriesItsPaceForTheServerThatSendsIt() {
    Pace pace = new Pace("slow", Duration.ofMillis(500), Duration.ofMillis(40), 0, 7, false);

    ResponseDefinition streamed = Answers.streamed(stream(5), pace, 12);

    assertThat(Answers.pace(streamed)).isSameAs(pace);
    assertThat(Answers.tokens(streamed)).isEqualTo(12);
    assertThat(streamed.getBody()).isEqualTo(stream(5).getBody());
    assertThat(Answers.pace(stream(5))).as("an answer sent whole").isNull();
  }

  @Test
  void wholeAnswersAreDelayedToTheMillisecondRoundedUp() {
    assertThat(Answers.delayed(stream(1), Duration.ofNanos(1_200_001)).getFixedDelayMilliseconds())
        .isEqualTo(2);
    assertThat(Answers.delayed(stream(1), Duration.ZERO).getFixedDelayMilliseconds()).isNull();
  }
}
