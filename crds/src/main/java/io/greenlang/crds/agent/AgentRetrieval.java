package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Retrieval-augmented generation settings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentRetrieval {
  @Size(max = 20)
  @JsonPropertyDescription("Collections in the tenant's vector-store space.")
  private List<@Pattern("^[a-z][a-z0-9_]{0,62}$") String> collections = new ArrayList<>();

  @Min(1)
  @Max(100)
  @Default("5")
  @JsonPropertyDescription("Passages retrieved per query.")
  private Integer topK = 5;

  public Integer getTopK() {
    return topK;
  }

  public void setTopK(Integer topK) {
    this.topK = topK;
  }

  public List<String> getCollections() {
    return collections;
  }

  public void setCollections(List<String> collections) {
    this.collections = collections;
  }
}
