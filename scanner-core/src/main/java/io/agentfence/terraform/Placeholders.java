package io.agentfence.terraform;

import java.util.List;
import java.util.Map;

/**
 * The strings that stand in the proposed world for what the plan does not know.
 *
 * <ul>
 *   <li>A resource the plan creates has no id until apply. It is named by its address, with the
 *       prefix AWS gives that kind of id ({@code subnet-{module.net.aws_subnet.runtime[0]}}), so a
 *       reference to it from another planned resource still links the two: the structure is known,
 *       only the literal id is not. A route to {@code nat-{aws_nat_gateway.egress}} is a route to a
 *       NAT gateway.</li>
 *   <li>A value known only after apply that no reference resolves is {@value #AFTER_APPLY} followed
 *       by where it is; a verdict that depends on it is UNKNOWN, never PASS ({@link AfterApplyCheck}).</li>
 *   <li>An account or region the plan does not say is {@value #UNKNOWN_ACCOUNT} /
 *       {@value #UNKNOWN_REGION}; rules that need it are UNKNOWN, never FAIL.</li>
 * </ul>
 */
public final class Placeholders {
  public static final String AFTER_APPLY = "(known after apply)";
  public static final String UNKNOWN_ACCOUNT = "unknown-account";
  public static final String UNKNOWN_REGION = "unknown-region";

  /** Every marker whose presence in a finding makes its verdict depend on something unknown. */
  static final List<String> MARKERS = List.of(AFTER_APPLY, UNKNOWN_ACCOUNT, UNKNOWN_REGION);

  private static final Map<String, String> ID_PREFIX = Map.ofEntries(
      Map.entry("aws_vpc", "vpc-"),
      Map.entry("aws_subnet", "subnet-"),
      Map.entry("aws_route_table", "rtb-"),
      Map.entry("aws_default_route_table", "rtb-"),
      Map.entry("aws_internet_gateway", "igw-"),
      Map.entry("aws_egress_only_internet_gateway", "eigw-"),
      Map.entry("aws_nat_gateway", "nat-"),
      Map.entry("aws_vpn_gateway", "vgw-"),
      Map.entry("aws_ec2_transit_gateway", "tgw-"),
      Map.entry("aws_vpc_peering_connection", "pcx-"),
      Map.entry("aws_network_interface", "eni-"),
      Map.entry("aws_instance", "i-"),
      Map.entry("aws_vpc_endpoint", "vpce-"),
      Map.entry("aws_security_group", "sg-"),
      Map.entry("aws_default_security_group", "sg-"),
      Map.entry("aws_vpc_dhcp_options", "dopt-"),
      Map.entry("aws_default_vpc_dhcp_options", "dopt-"),
      Map.entry("aws_organizations_policy", "p-"));

  private Placeholders() {}

  /**
   * The stand-in for attribute {@code attr} of a planned resource whose value is known only after
   * apply: an id-like attribute gets the AWS prefix of its kind, anything else is named in full.
   */
  public static String of(String type, String address, String attr) {
    if (attr.equals("id") || attr.endsWith("_id")) {
      return ID_PREFIX.getOrDefault(type, "") + "{" + address + "}";
    }
    return "{" + address + "." + attr + "}";
  }

  /** An unresolved value known only after apply. */
  public static String afterApply(String address, String path) {
    return AFTER_APPLY + " " + address + "." + path;
  }

  /** The first marker in {@code text}, if any. */
  public static java.util.Optional<String> markerIn(String text) {
    return MARKERS.stream().filter(text::contains).findFirst();
  }
}
