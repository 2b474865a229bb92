package dev.gauntlet.junit5;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link GauntletScenario}: runs the scenario once per test class, before its first test, and
 * resolves {@link GauntletRun} parameters. Thread-safe: JUnit's store computes the run once.
 */
public final class GauntletExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GauntletExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    run(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == GauntletRun.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return run(context);
  }

  private static GauntletRun run(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    GauntletScenario scenario =
        AnnotationSupport.findAnnotation(testClass, GauntletScenario.class)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        testClass.getName()
                            + " must be annotated with @GauntletScenario to take a GauntletRun, but it is not"));
    // Keyed by class in the root store: once per class, whichever test, factory or callback asks
    // first.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            testClass,
            c ->
                GauntletRunner.run(
                    Path.of(scenario.value()), List.of(scenario.set()), runDirectory(testClass)),
            GauntletRun.class);
  }

  private static Path runDirectory(Class<?> testClass) {
    return Path.of(System.getProperty("gauntlet.runs", "target/gauntlet"))
        .resolve(testClass.getSimpleName());
  }
}
