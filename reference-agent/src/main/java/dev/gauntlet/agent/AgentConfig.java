package dev.gauntlet.agent;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the reference agent is configured with. A deployment sets it through environment
 * variables ({@link #fromEnvironment(Map)}); tests may build it directly.
 *
 * <p>Immutable and thread-safe.
 *
 * @param host        interface to listen on ({@code AGENT_HOST})
 * @param port        port to listen on, 0 for any free port ({@code AGENT_PORT})
 * @param mode        resilient or naive ({@code AGENT_MODE})
 * @param primary     the provider asked first ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}, {@code OPENAI_MODEL})
 * @param fallback    the provider asked when the primary fails, resilient mode only
 *                    ({@code OPENAI_FALLBACK_BASE_URL}, {@code OPENAI_FALLBACK_MODEL})
 * @param toolsUrl    base URL of the tool server ({@code AGENT_TOOLS_URL}); empty means no tools
 * @param maxSteps    model turns per task before it fails ({@code AGENT_MAX_STEPS}); resilient mode only,
 *                    naive mode uses {@link AgentMode#NAIVE_STEP_CAP}
 * @param tokenBudget tokens per task before it fails ({@code AGENT_TOKEN_BUDGET}); resilient mode only
 * @param llmTimeout  timeout of one LLM request ({@code AGENT_LLM_TIMEOUT_MS}); resilient mode only
 * @param state       where conversation memory and the response cache live ({@code REDIS_URL}, {@code AGENT_CACHE}, …)
 * @param watchdog    the watchdog of a self-hosted primary ({@code AGENT_WATCHDOG_URL}, …); resilient mode only,
 *                    empty when {@code AGENT_WATCHDOG_URL} is unset
 */
public record AgentConfig(
    String host,
    int port,
    AgentMode mode,
    ProviderConfig primary,
    Optional<ProviderConfig> fallback,
    Optional<URI> toolsUrl,
    int maxSteps,
    long tokenBudget,
    Duration llmTimeout,
    StateConfig state,
    Optional<WatchdogConfig> watchdog) {

  public AgentConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(primary, "primary");
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(toolsUrl, "toolsUrl");
    Objects.requireNonNull(llmTimeout, "llmTimeout");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(watchdog, "watchdog");
    EnvReader.check(port >= 0 && port <= 65535, "port must be in [0, 65535], but was " + port);
    EnvReader.check(maxSteps >= 1, "maxSteps must be at least 1, but was " + maxSteps);
    EnvReader.check(tokenBudget >= 1, "tokenBudget must be at least 1, but was " + tokenBudget);
    EnvReader.check(
        !llmTimeout.isNegative() && !llmTimeout.isZero(),
        "llmTimeout must be positive, but was " + llmTimeout);
  }

  /**
   * Reads the configuration from environment variables, applying the documented defaults.
   *
   * @throws InvalidConfigException naming the first variable whose value cannot be used
   */
  public static AgentConfig fromEnvironment(Map<String, String> env) {
    EnvReader in = new EnvReader(env);
    ProviderConfig primary =
        new ProviderConfig(
            in.url("OPENAI_BASE_URL", "https://api.openai.com/v1"),
            in.text("OPENAI_API_KEY", "gauntlet"),
            in.text("OPENAI_MODEL", "gpt-4o-mini"));
    Optional<ProviderConfig> fallback =
        in.optionalUrl("OPENAI_FALLBACK_BASE_URL")
            .map(
                url ->
                    new ProviderConfig(
                        url, primary.apiKey(), in.text("OPENAI_FALLBACK_MODEL", primary.model())));
    return new AgentConfig(
        in.text("AGENT_HOST", "127.0.0.1"),
        in.integer("AGENT_PORT", 8080, 0, 65535),
        AgentMode.parse("AGENT_MODE", in.text("AGENT_MODE", "resilient")),
        primary,
        fallback,
        in.optionalUrl("AGENT_TOOLS_URL").map(URI::create),
        in.integer("AGENT_MAX_STEPS", 8, 1, 1_000),
        in.integer("AGENT_TOKEN_BUDGET", 20_000, 1, Integer.MAX_VALUE),
        Duration.ofMillis(in.integer("AGENT_LLM_TIMEOUT_MS", 10_000, 1, 3_600_000)),
        StateConfig.fromEnvironment(in),
        WatchdogConfig.fromEnvironment(in));
  }

  /** The loop cap this configuration's mode actually applies. */
  public int effectiveMaxSteps() {
    return mode == AgentMode.NAIVE ? AgentMode.NAIVE_STEP_CAP : maxSteps;
  }
}
