package io.agentfence.baseline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Where every node of a YAML document sits in the file. The tree Jackson builds has no locations,
 * so we stream the document once and record, per JSON-pointer path, the position of the key that
 * introduced the node and of the value itself; the validator then maps each error's path back to
 * a line and column. Also notes duplicate keys (the tree would silently keep the last one) and the
 * raw text of every scalar (so {@code 012345678901} is not read as a number that lost its zero).
 */
final class SourceMap {
  record Pos(int line, int column) {}

  /** A duplicated key: its path and where the second occurrence is. */
  record Duplicate(String pointer, String key, Pos pos) {}

  private final Map<String, Pos> keys = new HashMap<>();
  private final Map<String, Pos> values = new HashMap<>();
  private final Map<String, String> rawScalars = new HashMap<>();
  private final List<Duplicate> duplicates = new ArrayList<>();
  private boolean multipleDocuments;
  private Pos secondDocument = new Pos(1, 1);

  private static final class Frame {
    final boolean array;
    final String pointer;
    final Set<String> seen = new HashSet<>();
    String name;
    int index = -1;

    Frame(boolean array, String pointer) {
      this.array = array;
      this.pointer = pointer;
    }
  }

  /** Streams {@code yaml}; throws Jackson's exception (with its location) on a syntax error. */
  static SourceMap of(YAMLMapper mapper, String yaml) {
    SourceMap map = new SourceMap();
    Deque<Frame> stack = new ArrayDeque<>();
    try (JsonParser p = mapper.createParser(yaml)) {
      JsonToken t;
      boolean rootDone = false;
      while ((t = p.nextToken()) != null) {
        Pos pos = pos(p.currentTokenLocation());
        if (rootDone) {
          map.multipleDocuments = true;
          map.secondDocument = pos;
          break;
        }
        switch (t) {
          case PROPERTY_NAME: {
            Frame f = stack.peek();
            f.name = p.currentName();
            String ptr = f.pointer + "/" + escape(f.name);
            if (!f.seen.add(f.name)) {
              map.duplicates.add(new Duplicate(ptr, f.name, pos));
            } else {
              map.keys.put(ptr, pos);
            }
            break;
          }
          case START_OBJECT:
          case START_ARRAY: {
            String ptr = child(stack.peek());
            map.values.putIfAbsent(ptr, pos);
            stack.push(new Frame(t == JsonToken.START_ARRAY, ptr));
            break;
          }
          case END_OBJECT:
          case END_ARRAY:
            stack.pop();
            rootDone = stack.isEmpty();
            break;
          default: {
            String ptr = child(stack.peek());
            map.values.putIfAbsent(ptr, pos);
            map.rawScalars.putIfAbsent(ptr, p.getText());
            rootDone = stack.isEmpty();
          }
        }
      }
    }
    return map;
  }

  private static String child(Frame parent) {
    if (parent == null) {
      return "";
    }
    if (parent.array) {
      parent.index++;
      return parent.pointer + "/" + parent.index;
    }
    return parent.pointer + "/" + escape(parent.name);
  }

  static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static Pos pos(TokenStreamLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return new Pos(1, 1);
    }
    return new Pos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
  }

  /** Position of the value at {@code pointer}, else of its nearest ancestor, else 1:1. */
  Pos value(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Pos pos = values.get(p);
      if (pos != null) {
        return pos;
      }
      if (p.isEmpty()) {
        return new Pos(1, 1);
      }
    }
  }

  /** Position of the key that introduced {@code pointer} (falls back to the value's position). */
  Pos key(String pointer) {
    Pos pos = keys.get(pointer);
    return pos != null ? pos : value(pointer);
  }

  Optional<String> raw(String pointer) {
    return Optional.ofNullable(rawScalars.get(pointer));
  }

  List<Duplicate> duplicates() {
    return duplicates;
  }

  boolean multipleDocuments() {
    return multipleDocuments;
  }

  Pos secondDocument() {
    return secondDocument;
  }

  private static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }
}
