package io.agentfence.baseline.proposal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Ids found in a source that knows no relations between them (Terraform outputs or state): each
 * with its kind and where it was found. One zone per VPC is proposed from them; a NAT or internet
 * gateway is a default route's target that must not be approved as an inspection target.
 */
public final class Facts {
  /** What an id is. */
  public enum Kind { VPC, SUBNET, SECURITY_GROUP, INSPECTION_TARGET, NAT_GATEWAY, INTERNET_GATEWAY, MANAGED_POLICY, SCP }

  /** One id with where it was found. */
  public record Fact(Kind kind, String id, String origin) {}

  private static final Pattern HEX = Pattern.compile("[0-9a-f]{8}([0-9a-f]{9})?");

  private final List<Fact> facts = new ArrayList<>();

  public void add(Kind kind, String id, String origin) {
    if (facts.stream().noneMatch(f -> f.kind() == kind && f.id().equals(id))) {
      facts.add(new Fact(kind, id, origin));
    }
  }

  /** Classifies an AWS id by its prefix; anything that is not one of ours is ignored. */
  public Optional<Kind> classify(String value) {
    int dash = value.indexOf('-');
    if (dash < 0 || !HEX.matcher(value.substring(dash + 1)).matches()) {
      return Optional.empty();
    }
    return switch (value.substring(0, dash)) {
      case "vpc" -> Optional.of(Kind.VPC);
      case "subnet" -> Optional.of(Kind.SUBNET);
      case "sg" -> Optional.of(Kind.SECURITY_GROUP);
      case "vpce", "tgw", "eni", "i" -> Optional.of(Kind.INSPECTION_TARGET);
      case "nat" -> Optional.of(Kind.NAT_GATEWAY);
      case "igw" -> Optional.of(Kind.INTERNET_GATEWAY);
      default -> Optional.empty();
    };
  }

  public List<Fact> all() {
    return List.copyOf(facts);
  }

  /**
   * The proposal: one zone for the (only, or {@code vpc}) VPC found, with every subnet, security
   * group and inspection target found; NAT and internet gateways listed as not approved.
   */
  public Proposal propose(String source, String accountId, String region, Optional<String> vpc) {
    List<Fact> vpcs = facts.stream().filter(f -> f.kind() == Kind.VPC).toList();
    Fact theVpc;
    if (vpc.isPresent()) {
      theVpc = vpcs.stream().filter(f -> f.id().equals(vpc.get())).findFirst()
          .orElse(new Fact(Kind.VPC, vpc.get(), "--vpc"));
    } else if (vpcs.size() == 1) {
      theVpc = vpcs.get(0);
    } else {
      throw new IllegalArgumentException(vpcs.isEmpty() ? "no VPC id (vpc-…) found; name it with --vpc"
          : "several VPC ids found (" + String.join(", ", vpcs.stream().map(Fact::id).toList())
              + "); choose the landing zone's with --vpc");
    }
    Map<Kind, List<Proposal.Item>> by = new LinkedHashMap<>();
    for (Fact f : facts) {
      Proposal.Item item = switch (f.kind()) {
        case NAT_GATEWAY -> Proposal.Item.rejected(f.id(), f.origin(),
            "a NAT gateway sends traffic to the internet uninspected; it is not an inspection target");
        case INTERNET_GATEWAY -> Proposal.Item.rejected(f.id(), f.origin(),
            "an internet gateway is the internet, not an inspection target");
        default -> Proposal.Item.approved(f.id(), f.origin());
      };
      Kind k = f.kind() == Kind.NAT_GATEWAY || f.kind() == Kind.INTERNET_GATEWAY ? Kind.INSPECTION_TARGET : f.kind();
      by.computeIfAbsent(k, x -> new ArrayList<>()).add(item);
    }
    Proposal.Zone zone = new Proposal.Zone(accountId + "-" + region, accountId, region,
        Proposal.Item.approved(theVpc.id(), theVpc.origin()), by.getOrDefault(Kind.SUBNET, List.of()),
        by.getOrDefault(Kind.SECURITY_GROUP, List.of()), by.getOrDefault(Kind.INSPECTION_TARGET, List.of()));
    return new Proposal(source, List.of(zone), by.getOrDefault(Kind.MANAGED_POLICY, List.of()),
        by.getOrDefault(Kind.SCP, List.of()), List.of());
  }
}
