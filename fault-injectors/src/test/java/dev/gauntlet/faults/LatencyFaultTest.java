package dev.gauntlet.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.responses.Response;
import dev.gauntlet.scenario.Delay;
import dev.gauntlet.scenario.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency fault as the official SDKs see it. Only lower bounds on wall time are asserted: a loaded machine may
 * make any call slower, never faster, than the fault says.
 */
class LatencyFaultTest {

  private static final Duration TTFT = Duration.ofMillis(600);

  /** Slow enough that a short answer takes a clearly measurable time to generate. */
  private static final double TOKENS_PER_SECOND = 20;

  @TempDir Path dir;

  private static Fault.Latency ttftOnly() {
    return new Fault.Latency(new Delay.Fixed(TTFT));
  }

  private static Fault.Latency ttftAndSpeed() {
    return new Fault.Latency(
        new Delay.Fixed(TTFT), TOKENS_PER_SECOND, 0, Fault.Latency.SlowTail.NONE);
  }

  /** Time to generate {@code tokens} tokens after the first at {@link #TOKENS_PER_SECOND}. */
  private static Duration generation(long tokens) {
    return Duration.ofMillis(Math.round((tokens - 1) * 1000 / TOKENS_PER_SECOND));
  }

  private static Duration since(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Test
  void fixedTtftDelaysAWholeAnswerByAtLeastIt() {
    LlmFaults faults = new LlmFaults(dir, ttftOnly());
    long start = System.nanoTime();
    ChatCompletion completion = faults.create(LlmFaults.ask());
    Duration took = since(start);

    assertThat(completion.choices()).hasSize(1);
    assertThat(took).isGreaterThanOrEqualTo(TTFT);
    assertThat(faults.ledger())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.fault()).isEqualTo("the-fault");
              assertThat(entry.firstByteMs())
                  .as("no byte goes out before the time to first token")
                  .isGreaterThanOrEqualTo(TTFT.toMillis());
              assertThat(entry.pacedFirstMs())
                  .as("a whole answer is due at once, after its delay")
                  .isEqualTo(TTFT.toMillis());
              assertThat(entry.pacedLastMs()).isEqualTo(TTFT.toMillis());
            });
  }

  @Test
  void wholeAnswerWaitsForTtftPlusGenerationOfItsTokens() {
    LlmFaults faults = new LlmFaults(dir, ttftAndSpeed());
    long start = System.nanoTime();
    ChatCompletion completion = faults.create(LlmFaults.ask());
    Duration took = since(start);

    long tokens = completion.usage().orElseThrow().completionTokens();
    assertThat(tokens).isGreaterThan(5);
    assertThat(took).isGreaterThanOrEqualTo(TTFT.plus(generation(tokens)));
    assertThat(faults.ledger())
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.lastByteMs())
                    .isGreaterThanOrEqualTo(TTFT.plus(generation(tokens)).toMillis()));
  }

  @Test
  void streamSendsItsFirstChunkAfterTtftAndSpreadsTheRestOverTheGenerationTime() {
    LlmFaults faults = new LlmFaults(dir, ttftAndSpeed());
    long start = System.nanoTime();
    Duration first;
    Duration whole;
    long tokens;
    try (StreamResponse<ChatCompletionChunk> stream =
        faults
            .sdk
            .chat()
            .completions()
            .createStreaming(
                LlmFaults.ask()
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                    .build())) {
      Iterator<ChatCompletionChunk> chunks = stream.stream().iterator();
      chunks.next();
      first = since(start);
      ChatCompletionChunk last = chunks.next();
      while (chunks.hasNext()) {
        last = chunks.next();
      }
      whole = since(start);
      tokens = last.usage().orElseThrow().completionTokens();
    }

    assertThat(first).as("first chunk").isGreaterThanOrEqualTo(TTFT);
    assertThat(whole).as("whole stream").isGreaterThanOrEqualTo(TTFT.plus(generation(tokens)));
    assertThat(faults.plane.streamPacing().events())
        .as("a timed write a token (fewer where a piece spans tokens)")
        .isBetween(tokens / 2, tokens);
    assertThat(faults.ledger())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.firstByteMs()).isGreaterThanOrEqualTo(TTFT.toMillis());
              assertThat(entry.lastByteMs())
                  .isGreaterThanOrEqualTo(TTFT.plus(generation(tokens)).toMillis());
              assertThat(entry.pacedFirstMs())
                  .as("the pace's first byte: its time to first token")
                  .isEqualTo(TTFT.toMillis());
              assertThat(entry.pacedLastMs())
                  .as("the pace's last byte: the whole answer")
                  .isBetween(
                      TTFT.plus(generation(tokens)).toMillis() - 1,
                      TTFT.plus(generation(tokens)).toMillis() + 1);
              assertThat(entry.lateMs().orElseThrow())
                  .as("the mock's own lateness")
                  .isGreaterThanOrEqualTo(-1);
            });
  }

  @Test
  void responsesAnswerWaitsForTtftPlusGeneration() {
    try (LlmFaults faults = new LlmFaults(dir, ttftAndSpeed())) {
      long start = System.nanoTime();
      Response response =
          faults.sdk.responses().create(LlmFaults.askResponses().input(LlmFaults.INPUT).build());
      Duration took = since(start);

      long tokens = response.usage().orElseThrow().outputTokens();
      assertThat(took).isGreaterThanOrEqualTo(TTFT.plus(generation(tokens)));
    }
  }

  @Test
  void anthropicStreamSendsItsFirstEventAfterTtft() {
    try (LlmFaults faults = new LlmFaults(dir, ttftAndSpeed())) {
      AnthropicClient sdk = faults.anthropic();
      long start = System.nanoTime();
      Duration first;
      Duration whole;
      long tokens = 0;
      try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> stream =
          sdk.messages().createStreaming(LlmFaults.askAnthropic().build())) {
        Iterator<RawMessageStreamEvent> events = stream.stream().iterator();
        events.next();
        first = since(start);
        while (events.hasNext()) {
          RawMessageStreamEvent event = events.next();
          if (event.isMessageDelta()) {
            tokens = event.asMessageDelta().usage().outputTokens();
          }
        }
        whole = since(start);
      }
      sdk.close();

      assertThat(first).as("first event").isGreaterThanOrEqualTo(TTFT);
      assertThat(tokens).isGreaterThan(5);
      assertThat(whole).as("whole stream").isGreaterThanOrEqualTo(TTFT.plus(generation(tokens)));
    }
  }

  @Test
  void embeddingsWaitForTtftOnly() {
    try (LlmFaults faults = new LlmFaults(dir, ttftAndSpeed())) {
      long start = System.nanoTime();
      faults
          .sdk
          .embeddings()
          .create(
              EmbeddingCreateParams.builder()
                  .model("text-embedding-3-small")
                  .input("where is my order?")
                  .build());

      assertThat(since(start)).isGreaterThanOrEqualTo(TTFT);
    }
  }
}
