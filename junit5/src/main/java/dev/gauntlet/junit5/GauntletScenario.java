package dev.gauntlet.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a scenario once before the tests of the annotated class, as {@code gauntlet run} would, and hands the result
 * to any test or test factory that takes a {@link GauntletRun} parameter:
 *
 * <pre>{@code
 * @GauntletScenario("scenarios/provider-outage.yaml")
 * class ProviderOutageGateIT {
 *   @TestFactory
 *   Stream<DynamicTest> slos(GauntletRun run) {
 *     return run.sloTests();                       // one test per SLO, failed with threshold and measured value
 *   }
 *
 *   @Test
 *   void recoversQuickly(GauntletRun run) {
 *     assertThat(run).slo("recovery_time").isBelow(Duration.ofSeconds(3));
 *   }
 * }
 * }</pre>
 *
 * The scenario path is resolved against the {@code gauntlet.home} system property when set (the project root),
 * else the working directory. The run directory is {@code target/gauntlet/<test class>} (the
 * {@code gauntlet.runs} system property moves the {@code target/gauntlet} part), emptied first. A scenario that does
 * not load (exit 1) or a target that never becomes ready (exit 4) fails every test of the class with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GauntletExtension.class)
public @interface GauntletScenario {

  /** The scenario file, such as {@code scenarios/smoke.yaml}. */
  String value();

  /** Overrides in {@code gauntlet run --set} form, such as {@code "target.mode=naive"}. */
  String[] set() default {};
}
