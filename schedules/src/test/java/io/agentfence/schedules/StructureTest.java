package io.agentfence.schedules;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.agentfence.testing.StructureRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** scanner-core's structure rules that concern this module too (see scanner-core's StructureTest). */
class StructureTest {
  @Test
  void coverageGapsHaveOneHome() {
    // An account part that fails as a whole records its gaps through CoverageGaps, as the engine does.
    StructureRules.COVERAGE_RECORDS_ONLY_FROM_READS_AND_GAPS.check(new ClassFileImporter()
        .importPath(Path.of("target", "classes")));
  }
}
