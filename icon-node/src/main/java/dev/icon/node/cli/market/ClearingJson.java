package dev.icon.node.cli.market;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.icon.market.clearing.Ask;
import dev.icon.market.clearing.Bid;
import dev.icon.market.clearing.ClearingResult;
import dev.icon.market.clearing.Micros;
import dev.icon.market.clearing.Trade;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files of {@code icon market clear}. Input: {@code {"bids": [{"id", "bidder",
 * "value_per_unit", "units", "accept": [ask ids] (omitted for any)}], "asks": [{"id",
 * "provider", "cost_per_unit", "units"}]}}; output: {@code {"trades": [{"bid", "ask", "units",
 * "buyer_pays_per_unit", "seller_gets_per_unit"}], "excluded": [ids], "mechanism"}}. Prices are
 * decimal numbers with at most 6 decimals, converted exactly to micro-units and back. Reading
 * checks every field, refuses unknown or duplicate keys, and names the first place at fault.
 * Stateless and thread-safe.
 */
final class ClearingJson {

  /** The bids and asks of one input file. */
  record Market(List<Bid> bids, List<Ask> asks) {}

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();
  private static final Set<String> ROOT_KEYS = Set.of("bids", "asks");
  private static final Set<String> BID_KEYS =
      Set.of("id", "bidder", "value_per_unit", "units", "accept");
  private static final Set<String> ASK_KEYS = Set.of("id", "provider", "cost_per_unit", "units");

  private ClearingJson() {}

  static Market read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("bids").isArray()
        || !root.path("asks").isArray()) {
      throw new IllegalArgumentException("needs an object with arrays 'bids' and 'asks'");
    }
    onlyKeys(root, ROOT_KEYS, "the top level");
    List<Bid> bids = new ArrayList<>();
    int i = 0;
    for (JsonNode n : root.get("bids")) {
      String where = "bids[" + i++ + "]";
      try {
        onlyKeys(n, BID_KEYS, where);
        bids.add(new Bid(text(n, "id"), text(n, "bidder"), money(n, "value_per_unit"),
            units(n), accept(n)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    List<Ask> asks = new ArrayList<>();
    i = 0;
    for (JsonNode n : root.get("asks")) {
      String where = "asks[" + i++ + "]";
      try {
        onlyKeys(n, ASK_KEYS, where);
        asks.add(new Ask(text(n, "id"), text(n, "provider"), money(n, "cost_per_unit"),
            units(n)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new Market(bids, asks);
  }

  static String write(ClearingResult result) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode trades = root.putArray("trades");
    for (Trade t : result.trades()) {
      trades.addObject().put("bid", t.bid()).put("ask", t.ask()).put("units", t.units())
          .put("buyer_pays_per_unit", Micros.format(t.buyerPaysPerUnit()))
          .put("seller_gets_per_unit", Micros.format(t.sellerGetsPerUnit()));
    }
    ArrayNode excluded = root.putArray("excluded");
    result.excluded().forEach(excluded::add);
    root.put("mechanism", result.mechanism());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always writes", e);
    }
  }

  private static void onlyKeys(JsonNode n, Set<String> allowed, String where) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "' in " + where
            + " (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' missing or not a string");
    }
    return v.asText();
  }

  private static long money(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber()) {
      throw new IllegalArgumentException("'" + field + "' missing or not a number");
    }
    return Micros.parse("'" + field + "'", v.decimalValue());
  }

  private static long units(JsonNode n) {
    JsonNode v = n.get("units");
    if (v == null || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("'units' missing or not a whole number");
    }
    if (!v.canConvertToLong()) {
      throw new IllegalArgumentException("'units' is too large: " + v.asText());
    }
    return v.longValue();
  }

  private static Set<String> accept(JsonNode n) {
    JsonNode v = n.get("accept");
    if (v == null) {
      return Set.of();
    }
    if (!v.isArray() || v.isEmpty()) {
      throw new IllegalArgumentException("'accept' must be a non-empty array of ask ids"
          + " (omit it to accept any ask)");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode a : v) {
      if (!a.isTextual()) {
        throw new IllegalArgumentException("'accept' entries must be strings");
      }
      out.add(a.asText());
    }
    return out;
  }
}
