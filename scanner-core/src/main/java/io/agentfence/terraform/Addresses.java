package io.agentfence.terraform;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Terraform address syntax: module paths, instance keys and references in expressions. */
final class Addresses {
  private static final Pattern MODULE_KEY = Pattern.compile("(module\\.[^.\\[]+)\\[[^\\]]*\\]");
  /** {@code [data.]type.name[index][.attr...]}: a reference to a resource from an expression. */
  private static final Pattern RESOURCE_REF =
      Pattern.compile("^(data\\.)?([a-z][a-z0-9_]*)\\.([A-Za-z_][A-Za-z0-9_-]*)(\\[[^\\]]*\\])?(?:\\.([A-Za-z0-9_]+))?.*$");

  private Addresses() {}

  /** {@code module.net[0].aws_subnet.a[1]} → {@code module.net.aws_subnet.a[1]}. */
  static String stripInstanceKeys(String address) {
    return MODULE_KEY.matcher(address).replaceAll("$1");
  }

  /** {@code module.net.aws_subnet.a[1]} → {@code module.net.aws_subnet.a}. */
  static String withoutIndex(String address) {
    return address.endsWith("]") ? address.substring(0, address.lastIndexOf('[')) : address;
  }

  /** A reference to a resource, parsed: {@code data.}, type, name, {@code [index]} and first attribute. */
  record ResourceRef(boolean data, String type, String name, Optional<String> index, Optional<String> attr) {
    /** The address relative to its module, e.g. {@code aws_subnet.a[0]} or {@code data.x.y}. */
    String base() {
      return (data ? "data." : "") + type + "." + name;
    }
  }

  static Optional<ResourceRef> resource(String reference) {
    if (reference.startsWith("var.") || reference.startsWith("local.") || reference.startsWith("module.")
        || reference.startsWith("count.") || reference.startsWith("each.") || reference.startsWith("path.")
        || reference.startsWith("terraform.") || reference.startsWith("self.")) {
      return Optional.empty();
    }
    Matcher m = RESOURCE_REF.matcher(reference);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ResourceRef(m.group(1) != null, m.group(2), m.group(3),
        Optional.ofNullable(m.group(4)), Optional.ofNullable(m.group(5))));
  }

  /** The prefix of a module instance's resources: empty for the root, else {@code module.x.}. */
  static String prefix(String moduleAddress) {
    return moduleAddress.isEmpty() ? "" : moduleAddress + ".";
  }
}
