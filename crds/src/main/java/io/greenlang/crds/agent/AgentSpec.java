package io.greenlang.crds.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.greenlang.crds.common.DataClass;
import io.greenlang.crds.common.Names;
import java.util.ArrayList;
import java.util.List;

/** Desired state of an Agent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AgentSpec {
  @Size(min = 1, max = Names.TENANT_NAME_MAX)
  @Pattern(Names.TENANT_NAME)
  @ValidationRule(value = "self == oldSelf", message = "spec.tenant is immutable")
  @JsonPropertyDescription(
      "Owning Tenant; implied by a tenant's own namespace, required in the shared namespace.")
  private String tenant;

  @Size(max = 1024)
  @JsonPropertyDescription("What the agent does.")
  private String description;

  @Size(max = 64)
  @Pattern("^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$")
  @JsonPropertyDescription("Semantic version of the agent's definition.")
  private String version;

  @Size(max = 50)
  @ValidationRule(
      value = "self.all(t, self.exists_one(o, o.name == t.name))",
      message = "spec.tools names must be unique")
  @JsonPropertyDescription("Deterministic calculation tools the agent may call.")
  private List<AgentTool> tools = new ArrayList<>();

  @JsonPropertyDescription("Ordered LLM provider chain.")
  private LlmChain llm;

  @Default("business")
  @JsonPropertyDescription(
      "Most sensitive class of data the agent handles: public, business, personal, sensitive.")
  private DataClass dataClass = DataClass.BUSINESS;

  @JsonPropertyDescription("Short-term and long-term memory settings.")
  private AgentMemory memory;

  @JsonPropertyDescription("Vector-store collections the agent retrieves from.")
  private AgentRetrieval retrieval;

  @Min(0)
  @Max(100)
  @Default("1")
  @JsonPropertyDescription("Replicas when autoscaling is not set; the SLA tier may raise it.")
  private Integer replicas = 1;

  @JsonPropertyDescription("Horizontal autoscaling; replaces spec.replicas when set.")
  private AgentAutoscaling autoscaling;

  @JsonPropertyDescription("CPU and memory requests and limits of each replica.")
  private ResourceRequirements resources;

  @Pattern(Names.USD_AMOUNT)
  @JsonPropertyDescription("Optional monthly LLM budget of this agent in US dollars.")
  private String monthlyBudgetUsd;

  @Default("false")
  @JsonPropertyDescription("Pause the agent: no new work is taken, replicas scale to zero.")
  private Boolean paused = false;

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public List<AgentTool> getTools() {
    return tools;
  }

  public void setTools(List<AgentTool> tools) {
    this.tools = tools;
  }

  public LlmChain getLlm() {
    return llm;
  }

  public void setLlm(LlmChain llm) {
    this.llm = llm;
  }

  public DataClass getDataClass() {
    return dataClass;
  }

  public void setDataClass(DataClass dataClass) {
    this.dataClass = dataClass;
  }

  public AgentMemory getMemory() {
    return memory;
  }

  public void setMemory(AgentMemory memory) {
    this.memory = memory;
  }

  public AgentRetrieval getRetrieval() {
    return retrieval;
  }

  public void setRetrieval(AgentRetrieval retrieval) {
    this.retrieval = retrieval;
  }

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public AgentAutoscaling getAutoscaling() {
    return autoscaling;
  }

  public void setAutoscaling(AgentAutoscaling autoscaling) {
    this.autoscaling = autoscaling;
  }

  public ResourceRequirements getResources() {
    return resources;
  }

  public void setResources(ResourceRequirements resources) {
    this.resources = resources;
  }

  public String getMonthlyBudgetUsd() {
    return monthlyBudgetUsd;
  }

  public void setMonthlyBudgetUsd(String monthlyBudgetUsd) {
    this.monthlyBudgetUsd = monthlyBudgetUsd;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }
}
