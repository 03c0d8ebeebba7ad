package io.agentfence.finding;

import java.time.LocalDate;

/** Why a finding is suppressed: the accepted-risk entry of the baseline that matched it. */
public record SuppressionInfo(String justification, String owner, LocalDate expires) {}
