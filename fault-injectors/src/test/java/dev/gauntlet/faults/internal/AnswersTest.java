package dev.gauntlet.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import dev.gauntlet.faults.spi.HttpAnswer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a latency is laid onto WireMock's fixed delay and chunked dribble. */
class AnswersTest {

  private static ResponseDefinition stream(int events) {
    return Answers.build(new HttpAnswer(200, Map.of(), "data: {}\n\n".repeat(events)), "text/event-stream", "req_1");
  }

  @Test
  void streamSendsItsFirstEventAtTtftAndTheOthersOverTheGenerationTime() {
    ResponseDefinition paced = Answers.dribbled(stream(5), Duration.ofMillis(500), Duration.ofMillis(400));

    assertThat(paced.getChunkedDribbleDelay().getNumberOfChunks()).isEqualTo(5);
    assertThat(paced.getChunkedDribbleDelay().getTotalDuration()).as("5 chunks, 100 ms apart").isEqualTo(500);
    assertThat(paced.getFixedDelayMilliseconds()).as("WireMock sleeps one interval before the first chunk")
        .isEqualTo(400);
  }

  @Test
  void intervalsRoundUpSoTheStreamIsNeverFasterThanAsked() {
    ResponseDefinition paced = Answers.dribbled(stream(4), Duration.ofMillis(20), Duration.ofMillis(100));

    assertThat(paced.getChunkedDribbleDelay().getTotalDuration()).isEqualTo(4 * 34);
    assertThat(paced.getFixedDelayMilliseconds()).as("the first interval is already longer than the ttft")
        .isNull();
  }

  @Test
  void aStreamWithoutGenerationTimeIsOnlyDelayed() {
    ResponseDefinition paced = Answers.dribbled(stream(5), Duration.ofMillis(300), Duration.ZERO);

    assertThat(paced.getChunkedDribbleDelay()).isNull();
    assertThat(paced.getFixedDelayMilliseconds()).isEqualTo(300);
  }

  @Test
  void wholeAnswersAreDelayedToTheMillisecondRoundedUp() {
    assertThat(Answers.delayed(stream(1), Duration.ofNanos(1_200_001)).getFixedDelayMilliseconds()).isEqualTo(2);
    assertThat(Answers.delayed(stream(1), Duration.ZERO).getFixedDelayMilliseconds()).isNull();
  }

  @Test
  void countsServerSentEvents() {
    assertThat(Answers.events("event: a\ndata: {}\n\nevent: b\ndata: {}\n\ndata: [DONE]\n\n")).isEqualTo(3);
    assertThat(Answers.events("{\"id\": 1}")).isZero();
  }
}
