package io.agentfence.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version baked into the jar manifest (dev when run from classes). */
public final class VersionProvider implements IVersionProvider {
  public static String version() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"agentfence " + version()};
  }
}
