package io.agentfence.baseline.proposal;

import java.util.List;
import java.util.Optional;

/**
 * A starting baseline as {@code agentfence init} proposes it: every value with where it came
 * from, and what looked uncontained kept apart with the reason (written commented out, so a person
 * decides and the first scan shows it).
 *
 * @param source   what was read, for the file's header (e.g. {@code live: accounts 1111...})
 * @param notes    findings about things init did not approve that belong to no zone (a PUBLIC runtime)
 */
public record Proposal(String source, List<Zone> zones, List<Item> managedPolicies, List<Item> scps,
    List<String> notes) {
  public Proposal {
    zones = List.copyOf(zones);
    managedPolicies = List.copyOf(managedPolicies);
    scps = List.copyOf(scps);
    notes = List.copyOf(notes);
  }

  /** One proposed value: approved when {@code notApproved} is empty. */
  public record Item(String id, String origin, Optional<String> notApproved) {
    public static Item approved(String id, String origin) {
      return new Item(id, origin, Optional.empty());
    }

    public static Item rejected(String id, String origin, String reason) {
      return new Item(id, origin, Optional.of(reason));
    }

    public boolean isApproved() {
      return notApproved.isEmpty();
    }
  }

  /** One landing zone: an (account, region, VPC). */
  public record Zone(String name, String accountId, String region, Item vpc, List<Item> subnets,
      List<Item> securityGroups, List<Item> inspectionTargets) {
    public Zone {
      subnets = List.copyOf(subnets);
      securityGroups = List.copyOf(securityGroups);
      inspectionTargets = List.copyOf(inspectionTargets);
    }

    /** Why the zone as a whole cannot be approved (a required list has no approved entry). */
    public Optional<String> notApproved() {
      if (!vpc.isApproved()) {
        return vpc.notApproved();
      }
      if (subnets.stream().noneMatch(Item::isApproved)) {
        return Optional.of("no subnet of it can be approved (see each subnet's reason)");
      }
      if (securityGroups.stream().noneMatch(Item::isApproved)) {
        return Optional.of("no security group of it can be approved");
      }
      if (inspectionTargets.stream().noneMatch(Item::isApproved)) {
        return Optional.of("no default route there reaches anything but a NAT or internet gateway, so there is no"
            + " inspection target to propose: add yours");
      }
      return Optional.empty();
    }
  }
}
