package io.agentfence.checks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * DESIGN principle 3: checks are pure functions of (inventory, baseline). Rules and the IAM
 * evaluator must not touch files, the network, the environment, the clock or randomness; the
 * evaluation date comes in through CheckContext.today().
 */
class ChecksArePureTest {
  private static final JavaClasses PRODUCTION = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.agentfence.checks", "io.agentfence.iam");

  @Test
  void noFileOrNetworkAccess() {
    ArchRule rule = noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("java.nio.file..", "java.net..", "java.sql..", "software.amazon..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileWriter")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
        .because("checks must be pure: all input arrives in the CheckContext");
    rule.check(PRODUCTION);
  }

  @Test
  void noEnvironmentClockOrRandomness() {
    ArchRule rule = noClasses().should().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getProperty", String.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .because("the same snapshot and baseline must always give the same findings");
    rule.check(PRODUCTION);
  }
}
