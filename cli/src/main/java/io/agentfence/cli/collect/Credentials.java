package io.agentfence.cli.collect;

import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** The scanning principal's credentials and home region, from the standard AWS sources. */
public final class Credentials {
  private Credentials() {}

  public static AwsCredentialsProvider provider(Optional<String> profile) {
    return profile.<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
        .orElseGet(() -> DefaultCredentialsProvider.builder().build());
  }

  /** First --region, else the profile's / environment's region, else us-east-1. */
  public static String homeRegion(Optional<String> profile, java.util.List<String> regions) {
    if (!regions.isEmpty()) {
      return regions.get(0);
    }
    try {
      return profile.isPresent()
          ? new AwsProfileRegionProvider(null, profile.get()).getRegion().id()
          : new DefaultAwsRegionProviderChain().getRegion().id();
    } catch (RuntimeException none) {
      return "us-east-1";
    }
  }
}
