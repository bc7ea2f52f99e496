package io.greenlang.crds.agent;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.greenlang.crds.GreenLang;

/** One agent: its tools, LLM chain, data class, memory and workload shape (namespaced). */
@Group(GreenLang.GROUP)
@Version(GreenLang.VERSION)
@Singular("agent")
@Plural("agents")
@ShortNames({"glagent", "gla"})
@Categories(GreenLang.CATEGORY)
@AdditionalPrinterColumn(
    name = "Tenant",
    jsonPath = ".status.tenant",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Replicas",
    jsonPath = ".status.replicas",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Agent extends CustomResource<AgentSpec, AgentStatus> implements Namespaced {
  // No initStatus(): a status that the server does not have must stay null here, or status patches
  // computed as a diff against it would address fields that do not exist.
}
