package io.agentfence.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.lang.ArchRule;
import io.agentfence.collect.ReadFailure;
import io.agentfence.collect.Reads;
import io.agentfence.inventory.CoverageGaps;
import io.agentfence.inventory.CoverageRecord;

/** Structure rules shared by the modules' tests (scanner-core's StructureTest, schedules'). */
public final class StructureRules {
  private StructureRules() {}

  /**
   * Coverage records are made in three places only: {@link Reads} (one per kind a collector reads),
   * {@link ReadFailure} (the gap of one failed read) and {@link CoverageGaps} (the fan-out of a
   * failure over every kind and region). Anywhere else, a loop "for each region, for each kind, add
   * a gap" would be a second copy of the fan-out that misses the next kind added.
   */
  public static final ArchRule COVERAGE_RECORDS_ONLY_FROM_READS_AND_GAPS = noClasses()
      .that().doNotBelongToAnyOf(CoverageRecord.class, CoverageGaps.class, Reads.class, ReadFailure.class)
      .should().callCodeUnitWhere(JavaCall.Predicates.target(
          DescribedPredicate.describe("a CoverageRecord constructor or factory",
              t -> t.getOwner().isEquivalentTo(CoverageRecord.class)
                  && (t.getName().equals("<init>") || t.getName().equals("gap") || t.getName().equals("read")))))
      .because("coverage gaps have one home, inventory.CoverageGaps (and one record per read, collect.Reads)");
}
