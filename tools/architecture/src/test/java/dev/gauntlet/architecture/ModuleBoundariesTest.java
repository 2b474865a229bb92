package dev.gauntlet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries the build alone does not enforce: Maven keeps a module from using one it does not depend on,
 * but not from reaching into the {@code internal} packages of one it does, nor from growing a dependency that points
 * back up. Production classes only.
 */
class ModuleBoundariesTest {

  /** Each module and the packages its production classes live in. */
  enum Module {
    MODEL("dev.gauntlet.scenario..", "dev.gauntlet.run..", "dev.gauntlet.dataset"),
    DATASET_GENERATOR("dev.gauntlet.dataset.generator.."),
    FAULT_INJECTORS("dev.gauntlet.faults.."),
    SIMULATIONS("dev.gauntlet.simulations.."),
    REPORTS("dev.gauntlet.reports.."),
    REFERENCE_AGENT("dev.gauntlet.agent.."),
    ENGINE("dev.gauntlet.engine.."),
    CLI("dev.gauntlet.cli.."),
    JUNIT5("dev.gauntlet.junit5..");

    final String[] packages;

    Module(String... packages) {
      this.packages = packages;
    }

    /** Its packages named {@code internal}, at any depth. */
    String[] internals() {
      return Arrays.stream(packages)
          .map(p -> p.endsWith("..") ? p + "internal.." : p + ".internal..")
          .toArray(String[]::new);
    }
  }

  private static JavaClasses classes;

  @BeforeAll
  static void importProductionClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ModuleBoundariesTest::gauntletModule)
            .importPackages("dev.gauntlet");
  }

  /** Only the modules' own jars and class folders: scanning every library on the class path takes seconds. */
  private static boolean gauntletModule(com.tngtech.archunit.core.importer.Location location) {
    String uri = location.asURI().toString();
    return uri.contains("/gauntlet-") || uri.contains("/target/classes/");
  }

  @Test
  void everyModuleHasProductionClassesImported() {
    for (Module module : Module.values()) {
      Assertions.assertThat(
              classes.stream()
                  .filter(
                      c ->
                          List.of(module.packages).stream()
                              .anyMatch(p -> c.getPackageName().startsWith(p.replace("..", ""))))
                  .count())
          .as("production classes of %s (a rule over no classes would pass for nothing)", module)
          .isPositive();
    }
  }

  @Test
  void noModuleImportsAnotherModulesInternalPackages() {
    for (Module module : Module.values()) {
      noClasses()
          .that()
          .resideOutsideOfPackages(module.packages)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(module.internals())
          .as(String.format("no class outside %s depends on its internal packages", module))
          .check(classes);
    }
  }

  @Test
  void modulesDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy(Module.MODEL.packages)
        .layer("dataset-generator")
        .definedBy(Module.DATASET_GENERATOR.packages)
        .layer("fault-injectors")
        .definedBy(Module.FAULT_INJECTORS.packages)
        .layer("simulations")
        .definedBy(Module.SIMULATIONS.packages)
        .layer("reports")
        .definedBy(Module.REPORTS.packages)
        .layer("reference-agent")
        .definedBy(Module.REFERENCE_AGENT.packages)
        .layer("engine")
        .definedBy(Module.ENGINE.packages)
        .layer("cli")
        .definedBy(Module.CLI.packages)
        .layer("junit5")
        .definedBy(Module.JUNIT5.packages)
        .whereLayer("junit5")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("cli", "junit5")
        .whereLayer("reports")
        .mayOnlyBeAccessedByLayers("engine", "cli", "junit5")
        .whereLayer("simulations")
        .mayOnlyBeAccessedByLayers("engine")
        .whereLayer("fault-injectors")
        .mayOnlyBeAccessedByLayers("engine", "cli")
        .whereLayer("reference-agent")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("dataset-generator")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers(
            "dataset-generator",
            "fault-injectors",
            "simulations",
            "reports",
            "engine",
            "cli",
            "junit5")
        .check(classes);
  }
}
