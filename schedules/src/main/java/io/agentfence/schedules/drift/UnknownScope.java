package io.agentfence.schedules.drift;

import io.agentfence.inventory.ResourceKind;

/**
 * A scope (account, region, resource kind) that was not read in one of the two scans: whatever
 * changed there is unknown, and its resources are reported neither as added nor as removed.
 *
 * @param before coverage in the older scan ({@code READ}, {@code DENIED}, ... or {@code NOT_ATTEMPTED})
 * @param after  coverage in the newer scan
 */
public record UnknownScope(String accountId, String region, ResourceKind kind, String before, String after) {}
