package io.greenlang.runtime.api.calculation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.runtime.calculation.batch.ResultRecord;
import io.greenlang.runtime.calculation.store.StoredRun;
import io.greenlang.runtime.catalog.FactorTable;
import io.greenlang.runtime.catalog.TableSummary;
import java.util.List;

/** The JSON the calculation and catalog endpoints answer with (docs/runtime/calculations.md). */
final class ApiJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiJson() {}

  static ObjectNode run(StoredRun run) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("runId", run.runId().toString());
    json.put("formula", run.formula());
    json.put("mode", run.mode());
    json.put("rows", run.rows());
    json.put("results", run.results());
    json.put("errors", run.errors());
    json.put("rootHash", run.rootHash());
    json.set("totals", parse(run.totalsJson()));
    json.set("rowErrors", parse(run.errorsJson()));
    json.put("codeVersion", run.codeVersion());
    if (run.createdAt() != null) {
      json.put("createdAt", run.createdAt().toString());
    }
    return json;
  }

  static ObjectNode result(ResultRecord record) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("sequence", record.sequence());
    if (record.sourceRow() != null) {
      json.put("sourceRow", record.sourceRow());
    }
    json.put("formula", record.formula());
    json.put("resultHash", record.resultHash());
    json.put("previousHash", record.previousHash());
    json.put("chainHash", record.chainHash());
    json.set("provenance", parse(record.provenance()));
    return json;
  }

  static ObjectNode runWithResults(StoredRun run, List<ResultRecord> results) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("run", run(run));
    ArrayNode array = json.putArray("results");
    results.forEach(record -> array.add(result(record)));
    return json;
  }

  static ObjectNode summary(TableSummary table) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("id", table.id());
    json.put("version", table.version());
    json.put("title", table.title());
    if (table.description() != null) {
      json.put("description", table.description());
    }
    json.put("origin", table.origin().label());
    json.put("rows", table.rows());
    json.put("contentHash", table.contentHash());
    if (table.createdAt() != null) {
      json.put("createdAt", table.createdAt().toString());
    }
    return json;
  }

  static ObjectNode table(FactorTable table) {
    ObjectNode json = summary(TableSummary.of(table));
    ArrayNode rows = json.putArray("factorRows");
    table.rows().forEach(row -> rows.add(row.toJson()));
    return json;
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }
}
