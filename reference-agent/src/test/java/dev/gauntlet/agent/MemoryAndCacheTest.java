package dev.gauntlet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.agent.FakeProvider.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Acceptance tests of conversation memory and the response cache: the agent in-process against a
 * fake provider and tool server, and a real redis-server on loopback that the tests kill, pause
 * and restart.
 */
class MemoryAndCacheTest {
  private static final String INPUT = "Where is my order A1001?";
  private static final String CACHE_KEY =
      "gauntlet:agent:cache:" + sha256("where is my order a1001?");
  private static final Function<FakeProvider.Call, Reply> LOOKUP =
      FakeProvider.lookupThenAnswer("lookup_order", "{\"order_id\":\"A1001\"}");
  private static final String ANSWER = "Result: {\"order_id\":\"A1001\",\"status\":\"shipped\"}";

  private final AgentHarness harness = new AgentHarness();
  private FakeToolServer tools;
  private FakeProvider provider;

  @BeforeEach
  void startFakes() throws Exception {
    tools = opened(new FakeToolServer());
    provider = opened(new FakeProvider(LOOKUP));
  }

  @AfterEach
  void closeAll() throws Exception {
    harness.close();
  }

  @Test
  void keepsTheTurnsAndTheAnswerInRedisWithATtl() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    AgentClient.Answer answer =
        agent(Map.of("REDIS_URL", redis.url(), "AGENT_MEMORY_TTL_S", "600")).task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("cache").asText()).isEqualTo("miss");
    Jedis jedis = opened(redis.client());
    assertThat(jedis.lrange("gauntlet:agent:memory:t-1", 0, -1))
        .containsExactly(
            "{\"role\":\"user\",\"content\":\"Where is my order A1001?\"}",
            "{\"role\":\"assistant\",\"content\":"
                + FakeProvider.JSON.writeValueAsString(ANSWER)
                + "}");
    assertThat(jedis.ttl("gauntlet:agent:memory:t-1")).isBetween(590L, 600L);
    assertThat(jedis.get(CACHE_KEY)).isEqualTo(ANSWER);
    assertThat(jedis.ttl(CACHE_KEY))
        .as("AGENT_CACHE_TTL_S defaults to an hour")
        .isBetween(3_590L, 3_600L);
  }

  @Test
  void aCacheHitInRedisAnswersWithoutCallingTheProvider() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    AgentClient agent = agent(Map.of("REDIS_URL", redis.url()));
    agent.task("t-1", INPUT);

    AgentClient.Answer hit = agent.task("t-2", "  where is my ORDER   a1001? ");

    assertThat(hit.status()).as(hit.body().toString()).isEqualTo(200);
    assertThat(hit.body().path("cache").asText()).isEqualTo("hit");
    assertThat(hit.body().path("output").asText()).isEqualTo(ANSWER);
    assertThat(hit.body().path("llm_calls").asInt()).isZero();
    assertThat(hit.body().path("provider").asText()).isEqualTo("cache");
    assertThat(hit.body().path("usage").toString())
        .isEqualTo("{\"input_tokens\":0,\"output_tokens\":0}");
    assertThat(provider.calls()).as("only the first task's two turns").hasSize(2);
    assertThat(tools.calls()).hasSize(1);
    assertThat(opened(redis.client()).llen("gauntlet:agent:memory:t-2"))
        .as("a hit is remembered too")
        .isEqualTo(2);
  }

  @Test
  void aTaskThatContinuesAConversationGetsItsEarlierTurnsFromRedisAndItsOwnCacheKey()
      throws Exception {
    RedisServer redis = opened(RedisServer.start());
    Jedis jedis = opened(redis.client());
    jedis.rpush(
        "gauntlet:agent:memory:t-9",
        "{\"role\":\"user\",\"content\":\"I ordered A1001 and A1002.\"}",
        "{\"role\":\"assistant\",\"content\":\"Noted.\"}");
    jedis.set(CACHE_KEY, "an answer to the same words in a new conversation");

    AgentClient.Answer answer = agent(Map.of("REDIS_URL", redis.url())).task("t-9", INPUT);

    assertThat(answer.body().path("cache").asText()).isEqualTo("miss");
    assertThat(answer.body().path("output").asText()).isEqualTo(ANSWER);
    FakeProvider.Call first = provider.calls().get(0);
    assertThat(first.messages())
        .extracting(
            message -> message.path("role").asText() + ": " + message.path("content").asText())
        .containsExactly(
            "system: " + first.messages().get(0).path("content").asText(),
            "user: I ordered A1001 and A1002.",
            "assistant: Noted.",
            "user: " + INPUT);
    assertThat(jedis.llen("gauntlet:agent:memory:t-9")).isEqualTo(4);
  }

  @Test
  void aFailedTaskIsNeitherCachedNorRemembered() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    FakeProvider failing =
        opened(new FakeProvider(call -> Reply.status(503, Map.of("retry-after-ms", "1"))));
    AgentClient.Answer answer = agent(failing, Map.of("REDIS_URL", redis.url())).task("t-1", INPUT);

    assertThat(answer.status()).isEqualTo(502);
    assertThat(opened(redis.client()).keys("gauntlet:agent:*")).isEmpty();
  }

  @Test
  void anAnswerCutShortIsNotCached() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    FakeProvider cutting =
        opened(new FakeProvider(call -> Reply.answer("Your order is").truncated()));
    AgentClient agent = agent(cutting, Map.of("REDIS_URL", redis.url(), "AGENT_MODE", "naive"));

    assertThat(agent.task("t-1", INPUT).status())
        .as("naive mode takes a truncated answer")
        .isEqualTo(200);
    assertThat(agent.task("t-2", INPUT).body().path("cache").asText()).isEqualTo("miss");
    assertThat(opened(redis.client()).exists(CACHE_KEY)).isFalse();
  }

  @Test
  void withTheCacheOffEveryTaskCallsTheProvider() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    AgentClient agent = agent(Map.of("REDIS_URL", redis.url(), "AGENT_CACHE", "off"));

    AgentClient.Answer first = agent.task("t-1", INPUT);
    AgentClient.Answer second = agent.task("t-2", INPUT);

    assertThat(first.body().path("cache").asText()).isEqualTo("off");
    assertThat(second.body().path("cache").asText()).isEqualTo("off");
    assertThat(second.body().path("llm_calls").asInt()).isEqualTo(2);
    assertThat(provider.calls()).hasSize(4);
    assertThat(opened(redis.client()).keys("gauntlet:agent:*"))
        .containsExactlyInAnyOrder("gauntlet:agent:memory:t-1", "gauntlet:agent:memory:t-2");
  }

  @Test
  void resilientAnswersQuicklyWithRedisDeadAndUsesRedisAgainOnceItIsBack() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    AgentClient agent = agent(Map.of("REDIS_URL", redis.url()));
    assertThat(agent.task("t-1", INPUT).body().path("cache").asText()).isEqualTo("miss");

    redis.kill();
    for (int i = 2; i <= 6; i++) {
      long start = System.nanoTime();
      AgentClient.Answer answer = agent.task("t-" + i, INPUT);
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
      assertThat(answer.body().path("output").asText()).isEqualTo(ANSWER);
      assertThat(answer.body().path("cache").asText()).isEqualTo("degraded");
      assertThat(millis).as("task %d with Redis dead", i).isLessThan(1_000);
    }
    AgentClient.Answer followUp = agent.task("t-6", "And A1002?");
    assertThat(provider.calls().get(provider.calls().size() - 2).messages().toString())
        .as("memory moved into the process")
        .contains(INPUT)
        .contains("And A1002?");
    assertThat(followUp.status()).isEqualTo(200);

    redis.restart();
    AgentClient.Answer recovered = awaitCache(agent, "miss", Duration.ofSeconds(5));
    assertThat(recovered.body().path("output").asText()).isEqualTo(ANSWER);
    assertThat(opened(redis.client()).get(CACHE_KEY)).isEqualTo(ANSWER);
    assertThat(agent.task("t-after", INPUT).body().path("cache").asText()).isEqualTo("hit");
  }

  @Test
  void resilientStopsWaitingForAHungRedisAfterAFewTimeouts() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    AgentClient agent = agent(Map.of("REDIS_URL", redis.url(), "AGENT_REDIS_TIMEOUT_MS", "200"));
    agent.task("t-0", INPUT);

    redis.pause();
    List<Long> millis = new ArrayList<>();
    try {
      for (int i = 1; i <= 6; i++) {
        long start = System.nanoTime();
        AgentClient.Answer answer = agent.task("t-" + i, INPUT);
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.body().path("cache").asText()).isEqualTo("degraded");
      }
    } finally {
      redis.resume();
    }
    assertThat(millis.get(0))
        .as("the first task waits for its Redis timeouts: %s", millis)
        .isGreaterThanOrEqualTo(200);
    assertThat(millis.subList(2, 6))
        .as("once the breaker is open no task waits for Redis: %s", millis)
        .allSatisfy(taken -> assertThat(taken).isLessThan(200));
  }

  @Test
  void resilientStartsAndAnswersWhenRedisWasNeverUp() throws Exception {
    AgentClient agent = agent(Map.of("REDIS_URL", "redis://127.0.0.1:" + closedPort()));

    AgentClient.Answer answer = agent.task("t-1", INPUT);

    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    assertThat(answer.body().path("cache").asText()).isEqualTo("degraded");
  }

  @Test
  void naiveFailsTheTaskWhenRedisIsDead() throws Exception {
    RedisServer redis = opened(RedisServer.start());
    AgentClient agent = agent(Map.of("REDIS_URL", redis.url(), "AGENT_MODE", "naive"));
    assertThat(agent.task("t-1", INPUT).status()).isEqualTo(200);

    redis.kill();
    AgentClient.Answer answer = agent.task("t-2", INPUT);

    assertThat(answer.status()).isEqualTo(502);
    assertThat(answer.body().path("task_id").asText()).isEqualTo("t-2");
    assertThat(answer.body().path("error").asText())
        .startsWith("redis at 127.0.0.1:" + redis.port() + " failed: ");
    assertThat(provider.calls()).as("it failed before asking the provider").hasSize(2);
  }

  @Test
  void withoutRedisMemoryAndCacheLiveInTheProcess() throws Exception {
    AgentClient agent = agent(Map.of());
    agent.task("t-1", INPUT);

    AgentClient.Answer hit = agent.task("t-2", INPUT.toLowerCase());
    agent.task("t-1", "And A1002?");

    assertThat(hit.body().path("cache").asText()).isEqualTo("hit");
    assertThat(hit.body().path("llm_calls").asInt()).isZero();
    FakeProvider.Call followUp = provider.calls().get(2);
    assertThat(followUp.messages().get(1).path("content").asText()).isEqualTo(INPUT);
    assertThat(followUp.messages().get(2).path("content").asText()).isEqualTo(ANSWER);
    assertThat(followUp.messages().get(3).path("content").asText()).isEqualTo("And A1002?");
  }

  private AgentClient.Answer awaitCache(AgentClient agent, String status, Duration patience)
      throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    List<String> seen = new ArrayList<>();
    for (int i = 0; System.nanoTime() < deadline; i++) {
      AgentClient.Answer answer = agent.task("t-recovery-" + i, INPUT);
      seen.add(answer.status() + " " + answer.body().path("cache").asText());
      if (status.equals(answer.body().path("cache").asText())) {
        return answer;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no answer said cache " + status + " within " + patience + "; saw " + seen);
  }

  private AgentClient agent(Map<String, String> overrides) throws InterruptedException {
    return agent(provider, overrides);
  }

  private AgentClient agent(FakeProvider llm, Map<String, String> overrides)
      throws InterruptedException {
    return harness.agent(llm.baseUrl(), tools.baseUrl(), overrides);
  }

  private <T extends AutoCloseable> T opened(T resource) {
    return harness.opened(resource);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
