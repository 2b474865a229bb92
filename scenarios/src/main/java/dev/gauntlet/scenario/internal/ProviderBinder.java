package dev.gauntlet.scenario.internal;

import dev.gauntlet.scenario.Provider;
import dev.gauntlet.scenario.Provider.Mode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Binds one {@code providers[i]} entry onto {@link Provider}: its wire format, model and mode, and for
 * {@code passthrough} and {@code replay} where requests go and where exchanges are kept, and for a self-hosted
 * server its simulated GPU ({@link SelfHostedBinder}). Relative folders are
 * resolved against the scenario file's folder. Stateless.
 */
final class ProviderBinder {

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ProviderBinder() {}

  /** The provider, or null when its name is missing (every problem recorded). */
  static Provider bind(YamlMap m, Path base) {
    String name = m.string("name", true);
    String api = orDefault(m.oneOf("api", false, List.of("openai", "anthropic")), "openai");
    String model = orDefault(m.string("model", false), "gpt-4o-mini");
    String modeText =
        orDefault(m.oneOf("mode", false, List.of("scripted", "passthrough", "replay")), "scripted");
    Mode mode = Mode.valueOf(modeText.toUpperCase(Locale.ROOT));
    URI upstream = upstream(m, mode);
    String keyEnv = onlyIn(m, "api_key_env", mode, Mode.PASSTHROUGH) ? envName(m) : null;
    Path record = onlyIn(m, "record", mode, Mode.PASSTHROUGH) ? folder(m, "record", base) : null;
    Path fixtures = fixtures(m, mode, base);
    Provider.SelfHosted selfHosted = selfHosted(m, api, mode);
    m.rejectUnknown();
    return name == null
        ? null
        : new Provider(name, api, model, mode, upstream, keyEnv, record, fixtures, selfHosted);
  }

  /** A simulated server answers from the dataset's scripts in the OpenAI format, as vLLM's server does. */
  private static Provider.SelfHosted selfHosted(YamlMap m, String api, Mode mode) {
    Provider.SelfHosted gpu = SelfHostedBinder.bind(m.map("self_hosted", false));
    if (m.has("self_hosted") && mode != Mode.SCRIPTED) {
      m.problems()
          .add(
              m.value("self_hosted", false),
              m.child("self_hosted"),
              "must only be set when mode is "
                  + "scripted (the simulated server answers from the dataset's scripts), but mode is "
                  + mode.name().toLowerCase(Locale.ROOT));
      return null;
    }
    if (m.has("self_hosted") && !api.equals("openai")) {
      m.problems()
          .add(
              m.value("self_hosted", false),
              m.child("self_hosted"),
              "must only be set when api is "
                  + "openai (the simulated server speaks the OpenAI API, as vLLM does), but api is "
                  + api);
      return null;
    }
    return gpu;
  }

  private static URI upstream(YamlMap m, Mode mode) {
    if (mode != Mode.PASSTHROUGH) {
      onlyIn(m, "upstream", mode, Mode.PASSTHROUGH);
      return null;
    }
    String text = m.string("upstream", false);
    if (text == null) {
      m.problems()
          .add(
              m.node(),
              m.child("upstream"),
              "is required when mode is passthrough, but is missing");
      return null;
    }
    URI uri = parse(text.trim());
    if (uri == null) {
      m.problems()
          .add(
              m.value("upstream", false),
              m.child("upstream"),
              "must be an http(s) URL such as https://api.openai.com/v1, but was '" + text + "'");
    }
    return uri;
  }

  private static URI parse(String text) {
    try {
      URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      boolean http =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return http && uri.getHost() != null && uri.getUserInfo() == null && uri.getQuery() == null
          ? uri
          : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** The key's name only, never echoed back: a user who pasted the key itself must not see it in CI logs. */
  private static String envName(YamlMap m) {
    String text = m.string("api_key_env", false);
    if (text != null && !ENV_NAME.matcher(text.trim()).matches()) {
      m.problems()
          .add(
              m.value("api_key_env", false),
              m.child("api_key_env"),
              "must be the name of an environment "
                  + "variable holding the key, such as OPENAI_API_KEY, but was not a name (the value is not shown in case it "
                  + "is the key itself; never put a key in a scenario)");
      return null;
    }
    return text == null ? null : text.trim();
  }

  private static Path fixtures(YamlMap m, Mode mode, Path base) {
    if (mode != Mode.REPLAY) {
      onlyIn(m, "fixtures", mode, Mode.REPLAY);
      return null;
    }
    if (m.string("fixtures", false) == null) {
      m.problems()
          .add(m.node(), m.child("fixtures"), "is required when mode is replay, but is missing");
      return null;
    }
    Path dir = folder(m, "fixtures", base);
    if (dir != null && !Files.isDirectory(dir)) {
      m.problems()
          .add(
              m.value("fixtures", false),
              m.child("fixtures"),
              "must be an existing folder of recorded "
                  + "exchanges, but "
                  + dir
                  + " "
                  + (Files.exists(dir) ? "is not a folder" : "does not exist")
                  + "; record one with mode: passthrough and record: "
                  + m.string("fixtures", false));
      return null;
    }
    return dir;
  }

  private static Path folder(YamlMap m, String key, Path base) {
    String text = m.string(key, true);
    return text == null ? null : base.resolve(text.trim()).normalize();
  }

  /** Whether {@code key} is present; reports it when {@code mode} is not the one it belongs to. */
  private static boolean onlyIn(YamlMap m, String key, Mode mode, Mode owner) {
    if (!m.has(key)) {
      return false;
    }
    if (mode != owner) {
      m.problems()
          .add(
              m.value(key, false),
              m.child(key),
              "must only be set when mode is "
                  + owner.name().toLowerCase(Locale.ROOT)
                  + ", but mode is "
                  + mode.name().toLowerCase(Locale.ROOT));
      return false;
    }
    return true;
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
