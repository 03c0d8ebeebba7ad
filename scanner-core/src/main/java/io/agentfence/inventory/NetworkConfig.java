package io.agentfence.inventory;

import io.agentfence.util.Values;
import java.util.List;

/**
 * Network configuration of an AgentCore runtime version, browser or code interpreter.
 *
 * @param mode           the API's network mode as a string ({@code PUBLIC}, {@code VPC},
 *                       {@code SANDBOX}, or a value newer than our SDK knows): never an enum, so
 *                       an unknown mode is judged "not VPC" rather than lost
 * @param subnets        {@code networkModeConfig.subnets} (runtime) or {@code vpcConfig.subnets}
 * @param securityGroups the matching security group ids
 */
public record NetworkConfig(String mode, List<String> subnets, List<String> securityGroups) {
  public static final String VPC = "VPC";

  public NetworkConfig {
    mode = mode == null ? "" : mode;
    subnets = Values.list(subnets);
    securityGroups = Values.list(securityGroups);
  }

  public boolean isVpc() {
    return VPC.equals(mode);
  }

  public static NetworkConfig publicMode() {
    return new NetworkConfig("PUBLIC", List.of(), List.of());
  }

  public static NetworkConfig vpc(List<String> subnets, List<String> securityGroups) {
    return new NetworkConfig(VPC, subnets, securityGroups);
  }
}
