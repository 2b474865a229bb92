package dev.gauntlet.engine;

import dev.gauntlet.faults.spi.CustomFaultInjector;
import dev.gauntlet.faults.spi.FaultSwitch;
import dev.gauntlet.faults.spi.HttpAnswer;
import dev.gauntlet.faults.spi.ProviderFaults;
import dev.gauntlet.scenario.Fault;
import dev.gauntlet.scenario.FaultSpec;
import dev.gauntlet.scenario.spi.FaultKind;
import dev.gauntlet.scenario.spi.FaultSettings;
import java.util.Map;

/**
 * A fault kind written outside Gauntlet, as a user would add one: {@code kind: teapot} makes the provider calls it
 * hits answer {@code status} (default 418) with an OpenAI-shaped error whose message is {@code message}. Both halves
 * of the SPI in one class, listed in this module's test {@code META-INF/services}.
 */
public final class TeapotFault implements FaultKind, CustomFaultInjector {

  static final String KIND = "teapot";

  @Override
  public String name() {
    return KIND;
  }

  @Override
  public void read(FaultSettings settings) {
    settings.integer("status", false, 400, 599);
    String message = settings.string("message", false);
    if (message != null && message.length() > 200) {
      settings.reject("message", "at most 200 characters long");
    }
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public FaultSwitch switchOn(FaultSpec spec, Fault.Custom fault, ProviderFaults provider) {
    int status = fault.setting("status", Long.class, 418L).intValue();
    String message = fault.setting("message", String.class, "I'm a teapot");
    HttpAnswer answer =
        new HttpAnswer(
            status,
            Map.of(),
            "{\"error\":{\"message\":\""
                + message
                + "\",\"type\":\"teapot_error\",\"param\":null,\"code\":\"teapot\"}}");
    return provider.activate(spec, () -> answer);
  }
}
