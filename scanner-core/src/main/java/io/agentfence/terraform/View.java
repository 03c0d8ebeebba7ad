package io.agentfence.terraform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One resource's values on one side of the plan, read the way the rules need them: a value known
 * now, a value made of another planned resource (by reference), or a marker that it is known only
 * after apply. Nested blocks are lists of one object in the AWS provider and objects in AWSCC;
 * both read the same.
 */
final class View {
  private final ResourceChange rc;
  private final Side side;
  private final Resolver resolver;
  private final JsonNode values;
  private final JsonNode unknown;
  /** The markers this view handed out: values of this resource known only after apply. */
  private final java.util.Set<String> unresolved = new java.util.LinkedHashSet<>();

  View(ResourceChange rc, Side side, Resolver resolver) {
    this.rc = rc;
    this.side = side;
    this.resolver = resolver;
    this.values = side == Side.AFTER ? rc.after() : rc.before();
    this.unknown = side == Side.AFTER ? rc.afterUnknown() : MissingNode.getInstance();
  }

  /** A marker for a value of this resource that no reference explains. */
  String markUnknown(String path) {
    return marker(path);
  }

  private String marker(String path) {
    String m = Placeholders.afterApply(rc.address(), path);
    unresolved.add(m);
    return m;
  }

  /**
   * A string whose literal value matters (a policy document, a CIDR): known, or the value of the
   * one attribute its expression references when that is known; else a marker, never a placeholder
   * standing for an id.
   */
  Optional<String> literal(String... path) {
    JsonNode n = node(path);
    if (!isUnknown(path)) {
      return n.isString() || n.isNumber() || n.isBoolean() ? Optional.of(n.asString()) : Optional.empty();
    }
    List<Resolver.Target> t = resolver.targets(rc, Arrays.asList(path), side);
    return Optional.of(t.size() == 1 && t.get(0).value().isPresent() ? t.get(0).value().get() : marker(dotted(path)));
  }

  ResourceChange change() {
    return rc;
  }

  Side side() {
    return side;
  }

  String address() {
    return rc.address();
  }

  JsonNode values() {
    return values;
  }

  /** The raw value at a path (blocks unwrapped); missing when absent or unknown. */
  JsonNode node(String... path) {
    JsonNode n = values;
    for (String seg : path) {
      n = unwrap(n).path(seg);
    }
    return unwrap(n);
  }

  /** Whether Terraform marks the value at a path (or a block above it) known only after apply. */
  boolean isUnknown(String... path) {
    JsonNode n = unknown;
    for (String seg : path) {
      if (n.isBoolean()) {
        return n.asBoolean();
      }
      n = unwrapUnknown(n).path(seg);
    }
    return n.asBoolean(false) || (n.isArray() && containsTrue(n));
  }

  /** A string attribute: known, resolved through a reference, or a known-after-apply marker. */
  Optional<String> string(String... path) {
    JsonNode n = node(path);
    if (!isUnknown(path) && (n.isString() || n.isNumber() || n.isBoolean())) {
      return Optional.of(n.asString());
    }
    if (!isUnknown(path)) {
      return Optional.empty();
    }
    List<Resolver.Target> t = resolver.targets(rc, Arrays.asList(path), side);
    return Optional.of(t.size() == 1 ? t.get(0).valueOrIdentity().orElseGet(() -> marker(dotted(path))) : marker(dotted(path)));
  }

  /**
   * A value only as the plan knows it now, for facts no verdict depends on (a name, a status): no
   * reference is followed and nothing is marked unknown.
   */
  Optional<String> plain(String... path) {
    JsonNode n = node(path);
    return !isUnknown(path) && (n.isString() || n.isNumber() || n.isBoolean()) ? Optional.of(n.asString()) : Optional.empty();
  }

  /** A string attribute that must be there: empty string when absent. */
  String text(String... path) {
    return string(path).orElse("");
  }

  /** A boolean: empty when absent or known only after apply (a rule reads that as not read). */
  Optional<Boolean> bool(String... path) {
    JsonNode n = node(path);
    return !isUnknown(path) && n.isBoolean() ? Optional.of(n.asBoolean()) : Optional.empty();
  }

  /**
   * A list of strings. Unknown elements (or a wholly unknown list) are filled, in order, with the
   * planned resources the expression references; what no reference explains is a marker.
   */
  List<String> strings(String... path) {
    JsonNode n = node(path);
    JsonNode u = unknownAt(path);
    boolean whole = u.isBoolean() && u.asBoolean();
    List<String> out = new ArrayList<>();
    List<Integer> holes = new ArrayList<>();
    if (!whole) {
      for (int i = 0; i < n.size(); i++) {
        if (u.path(i).asBoolean(false)) {
          holes.add(out.size());
          out.add(null);
        } else if (!n.get(i).isNull()) {
          out.add(n.get(i).asString());
        }
      }
    }
    if (whole || !holes.isEmpty()) {
      List<Resolver.Target> targets = resolver.targets(rc, Arrays.asList(path), side).stream()
          .filter(t -> t.value().isEmpty() || !out.contains(t.value().get())).toList();
      if (whole) {
        targets.forEach(t -> out.add(t.valueOrIdentity().orElseGet(() -> marker(dotted(path)))));
        if (targets.isEmpty()) {
          out.add(marker(dotted(path)));
        }
      } else {
        for (int h = 0; h < holes.size(); h++) {
          out.set(holes.get(h), h < targets.size() && holes.size() == targets.size()
              ? targets.get(h).valueOrIdentity().orElseGet(() -> marker(dotted(path))) : marker(dotted(path)));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The value of {@code attr} in the nested block {@code block} whose destination argument is the
   * constant {@code destination}, resolved through its references; a marker when none explains it.
   */
  String inlineBlockTarget(String block, String destination, String attr) {
    for (JsonNode b : resolver.config().resource(rc).map(r -> r.path("expressions").path(block))
        .orElse(MissingNode.getInstance())) {
      boolean same = false;
      for (String d : List.of("cidr_block", "ipv6_cidr_block", "destination_prefix_list_id")) {
        same |= b.path(d).path("constant_value").asString("").equals(destination);
      }
      if (same) {
        List<Resolver.Target> t = resolver.resolveExpression(rc, b.path(attr), side);
        if (t.size() == 1) {
          return t.get(0).valueOrIdentity().orElseGet(() -> marker(block + "." + attr));
        }
      }
    }
    return marker(block + "." + attr);
  }

  /** This resource's own attribute: its value, or the placeholder other resources' references get. */
  String own(String attr) {
    JsonNode n = values.path(attr);
    boolean known = !unknown.path(attr).asBoolean(false) && (n.isString() || n.isNumber());
    return known ? n.asString() : Placeholders.of(rc.type(), rc.address(), attr);
  }

  private JsonNode unknownAt(String... path) {
    JsonNode n = unknown;
    for (String seg : path) {
      if (n.isBoolean()) {
        return n;
      }
      n = unwrapUnknown(n).path(seg);
    }
    return n;
  }

  private static boolean containsTrue(JsonNode array) {
    for (JsonNode x : array) {
      if (x.asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode unwrap(JsonNode n) {
    return n.isArray() && n.size() == 1 && n.get(0).isObject() ? n.get(0) : n;
  }

  private static JsonNode unwrapUnknown(JsonNode n) {
    return n.isArray() && n.size() >= 1 && n.get(0).isObject() ? n.get(0) : n;
  }

  private static String dotted(String... path) {
    return String.join(".", path);
  }
}
