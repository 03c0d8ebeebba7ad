package io.agentfence.target;

import java.util.regex.Pattern;

/**
 * The shapes of the ids a user names targets with, in one place for every input (command-line
 * flags, the baseline, the schedule configuration), so that a value one of them accepts is not
 * refused by another. Each caller words its own error, since only it knows where the value came from.
 */
public final class TargetIds {
  /** Twelve digits; YAML users must quote them to keep leading zeros. */
  public static final Pattern ACCOUNT = Pattern.compile("^\\d{12}$");
  /**
   * Region codes of every partition: {@code us-east-1}, {@code eu-central-2}, {@code us-gov-west-1},
   * {@code cn-north-1}, {@code us-iso-east-1}, {@code us-isob-east-1}; one or two digits. The same
   * pattern is in {@code docs/baseline.schema.json} ({@code region}).
   */
  public static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}$");
  /** An organization root ({@code r-ab12}) or OU ({@code ou-ab12-11111111}), as Organizations ids them. */
  public static final Pattern OU = Pattern.compile("^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$");

  private TargetIds() {}

  public static boolean account(String id) {
    return id != null && ACCOUNT.matcher(id).matches();
  }

  public static boolean region(String name) {
    return name != null && REGION.matcher(name).matches();
  }

  public static boolean ou(String id) {
    return id != null && OU.matcher(id).matches();
  }
}
