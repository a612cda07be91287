package dev.icon.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.icon.overlay.archfixture.UpwardImport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the architecture honest: runs in every build, over the main classes of every module. */
class ModuleRulesTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.icon");
  }

  @Test
  void importSeesEveryModuleThatHasCode() {
    // An empty import would make every rule pass vacuously.
    assertThat(production.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("dev.icon.proto"))
        .anyMatch(p -> p.startsWith("dev.icon.node"))
        .anyMatch(p -> p.startsWith("dev.icon.overlay"));
  }

  @Test
  void moduleDependenciesPointDown() {
    ModuleRules.layering().check(production);
  }

  @Test
  void examplesUseOnlyPublicApi() {
    ModuleRules.examplesUseOnlyPublicApi().check(production);
  }

  @Test
  void layeringRuleCatchesAnUpwardImport() {
    // A test-only class in an overlay package that uses icon-node: the rule must report it.
    JavaClasses withViolation = new ClassFileImporter()
        .importClasses(UpwardImport.class, dev.icon.node.cli.IconMain.class);

    EvaluationResult result = ModuleRules.layering().evaluate(withViolation);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains("UpwardImport") && d.contains("dev.icon.node"));
  }
}
