package dev.icon.node.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A cursor over one YAML mapping that knows its key path: typed getters with defaults and ranges,
 * and {@link #finish()} which refuses keys nobody read. Every error is a {@link ConfigException}
 * naming the full key path. Not thread-safe (used while parsing only).
 */
final class ConfigNode {

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();
  private final Set<String> allRead;

  ConfigNode(JsonNode node, String path) {
    this(node, path, new HashSet<>());
  }

  /** As above, adding every key path any getter reads (here and in sections) to {@code allRead}. */
  ConfigNode(JsonNode node, String path, Set<String> allRead) {
    if (node != null && !node.isNull() && !node.isObject()) {
      throw new ConfigException(path.isEmpty() ? "(top level)" : path, "must be a mapping");
    }
    this.node = node;
    this.path = path;
    this.allRead = allRead;
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private JsonNode get(String name) {
    read.add(name);
    allRead.add(key(name));
    JsonNode v = node == null ? null : node.get(name);
    return v == null || v.isNull() ? null : v;
  }

  /** Whether {@code name} is present and not null. */
  boolean has(String name) {
    return node != null && node.hasNonNull(name);
  }

  ConfigNode section(String name) {
    return new ConfigNode(get(name), key(name), allRead);
  }

  String string(String name, String def) {
    JsonNode v = get(name);
    if (v == null) {
      return def;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new ConfigException(key(name), "must be a string");
    }
    return v.asText();
  }

  boolean bool(String name, boolean def) {
    JsonNode v = get(name);
    if (v == null) {
      return def;
    }
    if (!v.isBoolean()) {
      throw new ConfigException(key(name), "must be true or false, was " + v);
    }
    return v.booleanValue();
  }

  long integer(String name, long def, long min, long max) {
    JsonNode v = get(name);
    if (v == null) {
      return def;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new ConfigException(key(name), "must be an integer, was " + v);
    }
    long x = v.longValue();
    checkRange(name, x, min, max);
    return x;
  }

  double decimal(String name, double def, double min, double max) {
    JsonNode v = get(name);
    if (v == null) {
      return def;
    }
    if (!v.isNumber()) {
      throw new ConfigException(key(name), "must be a number, was " + v);
    }
    double x = v.doubleValue();
    if (!(x >= min && x <= max)) {
      throw new ConfigException(key(name), rangeText(min, max) + ", was " + x);
    }
    return x;
  }

  private void checkRange(String name, long x, long min, long max) {
    if (x < min || x > max) {
      throw new ConfigException(key(name), rangeText(min, max) + ", was " + x);
    }
  }

  private static String rangeText(double min, double max) {
    if (max >= Long.MAX_VALUE || max == Double.MAX_VALUE) {
      return min == 1 ? "must be > 0" : min == 0 ? "must be >= 0" : "must be >= " + fmt(min);
    }
    return "must be " + fmt(min) + ".." + fmt(max);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  List<String> strings(String name, List<String> def) {
    JsonNode v = get(name);
    if (v == null) {
      return def;
    }
    if (!v.isArray()) {
      throw new ConfigException(key(name), "must be a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual()) {
        throw new ConfigException(key(name) + "[" + i + "]", "must be a string");
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  /** Refuses keys present in the YAML that no getter read. */
  void finish() {
    if (node == null) {
      return;
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        throw new ConfigException(key(name), "unknown key");
      }
    }
  }
}
