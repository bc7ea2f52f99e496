package io.greenlang.crds.region;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Whether the operator can reach one cluster of a Region. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterReachability {
  @JsonPropertyDescription("Cluster name from spec.clusters.")
  private String name;

  @JsonPropertyDescription("Whether the cluster's API server answered.")
  private boolean reachable;

  @JsonPropertyDescription("Why it is not reachable.")
  private String message;

  public ClusterReachability() {}

  public ClusterReachability(String name, boolean reachable, String message) {
    this.name = name;
    this.reachable = reachable;
    this.message = message;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isReachable() {
    return reachable;
  }

  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterReachability c
        && reachable == c.reachable
        && Objects.equals(name, c.name)
        && Objects.equals(message, c.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, reachable, message);
  }
}
