package dev.gauntlet.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

  @Test
  void appliesTheDocumentedDefaults() {
    AgentConfig config = AgentConfig.fromEnvironment(Map.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.mode()).isEqualTo(AgentMode.RESILIENT);
    assertThat(config.primary())
        .isEqualTo(new ProviderConfig("https://api.openai.com/v1", "gauntlet", "gpt-4o-mini"));
    assertThat(config.fallback()).isEmpty();
    assertThat(config.toolsUrl()).isEmpty();
    assertThat(config.maxSteps()).isEqualTo(8);
    assertThat(config.tokenBudget()).isEqualTo(20_000);
    assertThat(config.llmTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.state())
        .as("in the process, cache on")
        .isEqualTo(
            new StateConfig(
                Optional.empty(),
                true,
                Duration.ofHours(1),
                Duration.ofHours(1),
                Duration.ofMillis(100)));
  }

  @Test
  void readsEveryVariable() {
    AgentConfig config =
        AgentConfig.fromEnvironment(
            Map.ofEntries(
                Map.entry("AGENT_HOST", "0.0.0.0"),
                Map.entry("AGENT_PORT", "9000"),
                Map.entry("AGENT_MODE", "Naive"),
                Map.entry("OPENAI_BASE_URL", "http://127.0.0.1:41234/providers/primary/v1/"),
                Map.entry("OPENAI_API_KEY", "k"),
                Map.entry("OPENAI_MODEL", "m"),
                Map.entry(
                    "OPENAI_FALLBACK_BASE_URL", "http://127.0.0.1:41234/providers/fallback/v1"),
                Map.entry("AGENT_TOOLS_URL", "http://127.0.0.1:41234/tools-server"),
                Map.entry("AGENT_MAX_STEPS", "4"),
                Map.entry("AGENT_TOKEN_BUDGET", "500"),
                Map.entry("AGENT_LLM_TIMEOUT_MS", "250"),
                Map.entry("REDIS_URL", "redis://:pw@127.0.0.1:6390/2"),
                Map.entry("AGENT_CACHE", "OFF"),
                Map.entry("AGENT_CACHE_TTL_S", "60"),
                Map.entry("AGENT_MEMORY_TTL_S", "120"),
                Map.entry("AGENT_REDIS_TIMEOUT_MS", "50")));

    assertThat(config.mode()).isEqualTo(AgentMode.NAIVE);
    assertThat(config.primary())
        .isEqualTo(new ProviderConfig("http://127.0.0.1:41234/providers/primary/v1", "k", "m"));
    assertThat(config.fallback())
        .contains(new ProviderConfig("http://127.0.0.1:41234/providers/fallback/v1", "k", "m"));
    assertThat(config.toolsUrl()).contains(URI.create("http://127.0.0.1:41234/tools-server"));
    assertThat(config.maxSteps()).isEqualTo(4);
    assertThat(config.tokenBudget()).isEqualTo(500);
    assertThat(config.llmTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.state())
        .isEqualTo(
            new StateConfig(
                Optional.of(URI.create("redis://:pw@127.0.0.1:6390/2")),
                false,
                Duration.ofSeconds(60),
                Duration.ofSeconds(120),
                Duration.ofMillis(50)));
  }

  @Test
  void naiveModeUsesItsOwnHighLoopCap() {
    assertThat(
            AgentConfig.fromEnvironment(Map.of("AGENT_MODE", "naive", "AGENT_MAX_STEPS", "3"))
                .effectiveMaxSteps())
        .isEqualTo(AgentMode.NAIVE_STEP_CAP);
    assertThat(AgentConfig.fromEnvironment(Map.of("AGENT_MAX_STEPS", "3")).effectiveMaxSteps())
        .isEqualTo(3);
  }

  @Test
  void rejectsAPortThatIsNotAnIntegerInRange() {
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_PORT", "x")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("AGENT_PORT must be an integer in [0, 65535], but was x");
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_PORT", "70000")))
        .hasMessage("AGENT_PORT must be an integer in [0, 65535], but was 70000");
  }

  @Test
  void rejectsAnUnknownMode() {
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_MODE", "paranoid")))
        .hasMessage("AGENT_MODE must be one of [resilient, naive], but was paranoid");
  }

  @Test
  void rejectsAUrlThatIsNotHttp() {
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("OPENAI_BASE_URL", "ftp://x/v1")))
        .hasMessage("OPENAI_BASE_URL must be an http(s) URL, but was ftp://x/v1");
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_TOOLS_URL", "not a url")))
        .hasMessage("AGENT_TOOLS_URL must be an http(s) URL, but was not a url");
  }

  @Test
  void rejectsLimitsBelowOne() {
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_MAX_STEPS", "0")))
        .hasMessage("AGENT_MAX_STEPS must be an integer in [1, 1000], but was 0");
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_LLM_TIMEOUT_MS", "-5")))
        .hasMessage("AGENT_LLM_TIMEOUT_MS must be an integer in [1, 3600000], but was -5");
  }

  @Test
  void rejectsARedisUrlThatIsNotRedisWithoutShowingItsPassword() {
    assertThatThrownBy(
            () -> AgentConfig.fromEnvironment(Map.of("REDIS_URL", "http://127.0.0.1:6379")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("REDIS_URL must be a redis:// or rediss:// URL, but was http://127.0.0.1:6379");
    assertThatThrownBy(
            () ->
                AgentConfig.fromEnvironment(
                    Map.of("REDIS_URL", "redis://agent:secret@cache:6379/db")))
        .hasMessage(
            "REDIS_URL must be a redis:// or rediss:// URL, but was redis://***@cache:6379/db");
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("REDIS_URL", "redis://a b")))
        .hasMessage("REDIS_URL must be a redis:// or rediss:// URL, but was not a URL");
  }

  @Test
  void rejectsACacheSwitchThatIsNeitherOnNorOff() {
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_CACHE", "yes")))
        .hasMessage("AGENT_CACHE must be one of [on, off], but was yes");
  }

  @Test
  void rejectsATtlOrRedisTimeoutBelowOne() {
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_CACHE_TTL_S", "0")))
        .hasMessage("AGENT_CACHE_TTL_S must be an integer in [1, 2592000], but was 0");
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(Map.of("AGENT_REDIS_TIMEOUT_MS", "0")))
        .hasMessage("AGENT_REDIS_TIMEOUT_MS must be an integer in [1, 60000], but was 0");
  }

  @Test
  void readsTheWatchdogOnlyWhenItsUrlIsSet() {
    assertThat(AgentConfig.fromEnvironment(Map.of("AGENT_WATCHDOG_THRESHOLD", "0.5")).watchdog())
        .isEmpty();
    assertThat(
            AgentConfig.fromEnvironment(Map.of("AGENT_WATCHDOG_URL", "http://127.0.0.1:41000/"))
                .watchdog())
        .as("defaults")
        .contains(
            new WatchdogConfig(URI.create("http://127.0.0.1:41000"), 0.9, Duration.ofSeconds(1)));
    WatchdogConfig watchdog =
        AgentConfig.fromEnvironment(
                Map.of(
                    "AGENT_WATCHDOG_URL",
                    "http://127.0.0.1:41000",
                    "AGENT_WATCHDOG_THRESHOLD",
                    "0.85",
                    "AGENT_WATCHDOG_INTERVAL",
                    "250ms"))
            .watchdog()
            .orElseThrow();
    assertThat(watchdog.threshold()).isEqualTo(0.85);
    assertThat(watchdog.interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(watchdog.pollTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(
            new WatchdogConfig(URI.create("http://x"), 0.9, Duration.ofSeconds(30)).pollTimeout())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsAWatchdogThresholdOrIntervalOutOfRange() {
    Map<String, String> url = Map.of("AGENT_WATCHDOG_URL", "http://127.0.0.1:41000");
    assertThatThrownBy(
            () -> AgentConfig.fromEnvironment(with(url, "AGENT_WATCHDOG_THRESHOLD", "1.5")))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("AGENT_WATCHDOG_THRESHOLD must be a number in (0, 1], but was 1.5");
    assertThatThrownBy(
            () -> AgentConfig.fromEnvironment(with(url, "AGENT_WATCHDOG_THRESHOLD", "90%")))
        .hasMessage("AGENT_WATCHDOG_THRESHOLD must be a number in (0, 1], but was 90%");
    assertThatThrownBy(() -> AgentConfig.fromEnvironment(with(url, "AGENT_WATCHDOG_INTERVAL", "1")))
        .hasMessage(
            "AGENT_WATCHDOG_INTERVAL must be a duration such as 500ms, 1s or 2m in [10ms, 60s], but was 1");
    assertThatThrownBy(
            () -> AgentConfig.fromEnvironment(with(url, "AGENT_WATCHDOG_INTERVAL", "5m")))
        .hasMessageStartingWith("AGENT_WATCHDOG_INTERVAL must be a duration");
    assertThatThrownBy(
            () -> AgentConfig.fromEnvironment(Map.of("AGENT_WATCHDOG_URL", "127.0.0.1:41000")))
        .hasMessage("AGENT_WATCHDOG_URL must be an http(s) URL, but was 127.0.0.1:41000");
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put(name, value);
    return all;
  }
}
