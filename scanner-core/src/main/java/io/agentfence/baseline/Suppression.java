package io.agentfence.baseline;

import io.agentfence.util.Values;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * An accepted risk: results of {@code ruleId} on resources matching the pattern are reported as
 * suppressed and do not count for the gate until {@code expires}.
 *
 * @param resource ARN glob ({@code *} within, {@code **} across segments); empty matches any
 * @param tags     resource tags that must all match (when the inventory carries tags)
 */
public record Suppression(
    String ruleId,
    Optional<String> resource,
    Optional<String> account,
    Optional<String> region,
    Map<String, String> tags,
    String justification,
    String owner,
    LocalDate expires) {
  public Suppression {
    Values.require(ruleId, "suppression ruleId");
    resource = Values.opt(resource);
    account = Values.opt(account);
    region = Values.opt(region);
    tags = Values.map(tags);
    Values.require(justification, "suppression justification");
    Values.require(owner, "suppression owner");
    if (expires == null) {
      throw new IllegalArgumentException("suppression expires is required");
    }
  }

  public boolean expiredOn(LocalDate today) {
    return today.isAfter(expires);
  }
}
