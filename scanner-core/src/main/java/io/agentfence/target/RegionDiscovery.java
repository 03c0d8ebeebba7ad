package io.agentfence.target;

import static io.agentfence.collect.Reads.call;

import io.agentfence.collect.ReadOperation;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * An account's regions from DescribeRegions(AllRegions=true): never a hard-coded list, because
 * opt-in regions differ per account and new regions appear.
 */
public final class RegionDiscovery {
  private RegionDiscovery() {}

  /** Region name to whether it is enabled for the account. */
  public static Map<String, Boolean> regions(Ec2Client ec2) {
    var listed = call(ReadOperation.EC2_DESCRIBE_REGIONS, () -> ec2.describeRegions(r -> r.allRegions(true)).regions());
    Map<String, Boolean> out = new TreeMap<>();
    for (var r : listed) {
      String status = r.optInStatus() == null ? "opt-in-not-required" : r.optInStatus();
      out.put(r.regionName(), !status.equals("not-opted-in"));
    }
    return out;
  }
}
