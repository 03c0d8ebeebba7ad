package io.agentfence.terraform;

import java.util.Optional;

/**
 * A resource of the plan that entered the proposed world.
 *
 * @param action   create, update, delete, replace or no-op
 * @param location its {@code resource} block, when the configuration and sources were found
 */
public record PlannedResource(String address, String type, String action, Optional<SourceLocation> location) {
  public PlannedResource {
    location = location == null ? Optional.empty() : location;
  }

  public boolean changed() {
    return !action.equals("no-op") && !action.equals("forget");
  }
}
