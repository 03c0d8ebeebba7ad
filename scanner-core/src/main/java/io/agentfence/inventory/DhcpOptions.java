package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;
import java.util.Map;

/**
 * A DHCP options set: configuration key (e.g. {@code domain-name-servers}) to its values
 * (e.g. {@code [AmazonProvidedDNS]}).
 */
public record DhcpOptions(String id, Map<String, List<String>> configurations) {
  public static final String DOMAIN_NAME_SERVERS = "domain-name-servers";

  public DhcpOptions {
    Values.require(id, "dhcp options id");
    var copy = new java.util.TreeMap<String, List<String>>();
    if (configurations != null) {
      configurations.forEach((k, v) -> copy.put(k, Values.list(v)));
    }
    configurations = java.util.Collections.unmodifiableMap(copy);
  }

  public List<String> domainNameServers() {
    return configurations.getOrDefault(DOMAIN_NAME_SERVERS, List.of());
  }
}
