package io.greenlang.helm.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The Argo CD health-check scripts of samples/gitops/argocd-cm-health.yaml, run the way Argo CD
 * runs them: the object as a Lua table in the global {@code obj}, the script's returned table read
 * for {@code status} and {@code message}.
 */
final class ArgoCdHealthChecks {

  static final Path CONFIG_MAP = Path.of("..", "samples", "gitops", "argocd-cm-health.yaml");
  static final String KEY_PREFIX = "resource.customizations.health.greenlang.io_";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** What a script returned. */
  record Health(String status, String message) {}

  private final JsonNode data;

  private ArgoCdHealthChecks(JsonNode data) {
    this.data = data;
  }

  static ArgoCdHealthChecks load() throws IOException {
    return new ArgoCdHealthChecks(YAML.readTree(CONFIG_MAP.toFile()).path("data"));
  }

  Iterator<Map.Entry<String, JsonNode>> scripts() {
    return data.fields();
  }

  Health evaluate(String kind, JsonNode object) {
    JsonNode script = data.get(KEY_PREFIX + kind);
    if (script == null) {
      throw new IllegalArgumentException("No health check for kind " + kind);
    }
    Globals globals = JsePlatform.standardGlobals();
    globals.set("obj", toLua(object));
    LuaValue result = globals.load(script.asText(), kind + ".lua").call();
    return new Health(
        result.get("status").optjstring(null), result.get("message").optjstring(null));
  }

  /** JSON to Lua as Argo CD converts an unstructured object: arrays become 1-based tables. */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      node.fields().forEachRemaining(f -> table.set(f.getKey(), toLua(f.getValue())));
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    if (node.isIntegralNumber()) {
      return LuaValue.valueOf(node.longValue());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.doubleValue());
    }
    return LuaValue.valueOf(node.asText());
  }
}
