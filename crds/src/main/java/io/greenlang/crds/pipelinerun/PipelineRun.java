package io.greenlang.crds.pipelinerun;

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

/** One execution of a Pipeline; its status is the record of what happened (namespaced). */
@Group(GreenLang.GROUP)
@Version(GreenLang.VERSION)
@Singular("pipelinerun")
@Plural("pipelineruns")
@ShortNames({"glrun", "glpr"})
@Categories(GreenLang.CATEGORY)
@AdditionalPrinterColumn(
    name = "Pipeline",
    jsonPath = ".spec.pipelineRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Progress",
    jsonPath = ".status.progress",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Succeeded",
    jsonPath = ".status.conditions[?(@.type==\"Succeeded\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Reason",
    jsonPath = ".status.conditions[?(@.type==\"Succeeded\")].reason",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class PipelineRun extends CustomResource<PipelineRunSpec, PipelineRunStatus>
    implements Namespaced {
  // No initStatus(): a status that the server does not have must stay null here, or status patches
  // computed as a diff against it would address fields that do not exist.
}
