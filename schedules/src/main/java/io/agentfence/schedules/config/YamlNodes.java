package io.agentfence.schedules.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Strict reading of a composed YAML node tree. Works on nodes rather than bound objects because
 * nodes keep their line and column, which every error message names.
 */
final class YamlNodes {
  private final String file;

  YamlNodes(String file) {
    this.file = file;
  }

  ConfigException error(Node at, String message) {
    return new ConfigException(file + where(at) + ": " + message);
  }

  static String where(Node node) {
    return node.getStartMark()
        .map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
        .orElse("");
  }

  /** The keys of a mapping, rejecting unknown and duplicate keys. */
  Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode)) {
      throw error(node, what + " must be a mapping (key: value)");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      String key = scalar(t.getKeyNode(), what + " key");
      if (!allowed.contains(key)) {
        throw error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; allowed keys: "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
      if (out.put(key, t.getValueNode()) != null) {
        throw error(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
      }
    }
    return out;
  }

  String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode)) {
      throw error(node, what + " must be a single value");
    }
    return ((ScalarNode) node).getValue();
  }

  String required(Map<String, Node> map, Node parent, String key, String what) {
    Node n = map.get(key);
    if (n == null) {
      throw error(parent, what + " is missing required key '" + key + "'");
    }
    String v = scalar(n, what + "." + key).trim();
    if (v.isEmpty()) {
      throw error(n, what + "." + key + " must not be empty");
    }
    return v;
  }

  Optional<String> optional(Map<String, Node> map, String key, String what) {
    Node n = map.get(key);
    return n == null ? Optional.empty() : Optional.of(scalar(n, what + "." + key).trim());
  }

  List<String> strings(Node node, String what) {
    if (!(node instanceof SequenceNode)) {
      throw error(node, what + " must be a list, e.g. [a, b]");
    }
    List<String> out = new ArrayList<>();
    for (Node item : ((SequenceNode) node).getValue()) {
      out.add(scalar(item, what + " item").trim());
    }
    return out;
  }

  List<Node> sequence(Node node, String what) {
    if (!(node instanceof SequenceNode)) {
      throw error(node, what + " must be a list");
    }
    return ((SequenceNode) node).getValue();
  }

  boolean bool(Node node, String what) {
    String v = scalar(node, what);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw error(node, what + " must be true or false, not '" + v + "'");
  }

  int positiveInt(Node node, String what) {
    String v = scalar(node, what);
    try {
      int i = Integer.parseInt(v.trim());
      if (i > 0) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw error(node, what + " must be a positive whole number, not '" + v + "'");
  }
}
