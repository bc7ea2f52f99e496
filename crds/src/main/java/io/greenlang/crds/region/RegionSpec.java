package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.List;

/** Desired state of a Region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.code != 'CN' || (has(self.residency) && '*' in self.residency.blockedTargets)",
    message =
        "spec.residency.blockedTargets must be [\"*\"] for code CN: under PIPL nothing leaves",
    fieldPath = ".residency",
    reason = "FieldValueInvalid")
public class RegionSpec {
  @Required
  @ValidationRule(value = "self == oldSelf", message = "spec.code is immutable")
  @JsonPropertyDescription("Residency zone: EU, US, CN, APAC, MENA or LATAM.")
  private RegionCode code;

  @Size(max = 128)
  @JsonPropertyDescription("Human-readable name shown in reports.")
  private String displayName;

  @Pattern(Names.LOCATION)
  @JsonPropertyDescription("Primary cloud location, such as eu-central-1.")
  private String primaryLocation;

  @Size(max = 10)
  @JsonPropertyDescription("Further cloud locations inside the zone, such as eu-west-1.")
  private List<@Pattern(Names.LOCATION) String> secondaryLocations = new ArrayList<>();

  @Required
  @Size(min = 1, max = 50)
  @ValidationRule(
      value = "self.all(c, self.exists_one(o, o.name == c.name))",
      message = "spec.clusters names must be unique")
  @ValidationRule(
      value = "self.filter(c, has(c.local) && c.local).size() <= 1",
      message = "spec.clusters may mark at most one cluster as local")
  @JsonPropertyDescription("Kubernetes clusters in the zone: the local one and member clusters.")
  private List<RegionCluster> clusters = new ArrayList<>();

  @Required
  @JsonPropertyDescription("The zone's PostgreSQL server.")
  private DataServiceConnection postgres;

  @Required
  @JsonPropertyDescription("The zone's Redis server.")
  private DataServiceConnection redis;

  @JsonPropertyDescription("The zone's vector store (Milvus); optional.")
  private DataServiceConnection vectorStore;

  @JsonPropertyDescription("Where data of each class may go.")
  private ResidencyRules residency;

  @Size(max = 50)
  @ValidationRule(
      value = "self.all(e, self.exists_one(o, o.name == e.name))",
      message = "spec.llmEndpoints names must be unique")
  @JsonPropertyDescription("LLM endpoints agents in this zone may call; each one is a data target.")
  private List<LlmEndpoint> llmEndpoints = new ArrayList<>();

  public RegionCode getCode() {
    return code;
  }

  public void setCode(RegionCode code) {
    this.code = code;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPrimaryLocation() {
    return primaryLocation;
  }

  public void setPrimaryLocation(String primaryLocation) {
    this.primaryLocation = primaryLocation;
  }

  public List<RegionCluster> getClusters() {
    return clusters;
  }

  public void setClusters(List<RegionCluster> clusters) {
    this.clusters = clusters;
  }

  public DataServiceConnection getPostgres() {
    return postgres;
  }

  public void setPostgres(DataServiceConnection postgres) {
    this.postgres = postgres;
  }

  public DataServiceConnection getRedis() {
    return redis;
  }

  public void setRedis(DataServiceConnection redis) {
    this.redis = redis;
  }

  public DataServiceConnection getVectorStore() {
    return vectorStore;
  }

  public void setVectorStore(DataServiceConnection vectorStore) {
    this.vectorStore = vectorStore;
  }

  public ResidencyRules getResidency() {
    return residency;
  }

  public void setResidency(ResidencyRules residency) {
    this.residency = residency;
  }

  public List<LlmEndpoint> getLlmEndpoints() {
    return llmEndpoints;
  }

  public void setLlmEndpoints(List<LlmEndpoint> llmEndpoints) {
    this.llmEndpoints = llmEndpoints;
  }

  public List<String> getSecondaryLocations() {
    return secondaryLocations;
  }

  public void setSecondaryLocations(List<String> secondaryLocations) {
    this.secondaryLocations = secondaryLocations;
  }
}
