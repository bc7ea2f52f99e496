package io.greenlang.crds.region;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.greenlang.crds.GreenLang;

/** A data-residency zone and the clusters and data services in it (cluster-scoped). */
@Group(GreenLang.GROUP)
@Version(GreenLang.VERSION)
@Singular("region")
@Plural("regions")
@ShortNames("glreg")
@Categories(GreenLang.CATEGORY)
@AdditionalPrinterColumn(
    name = "Code",
    jsonPath = ".spec.code",
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
    name = "Clusters",
    jsonPath = ".status.reachableClusters",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Tenants",
    jsonPath = ".status.tenantCount",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Region extends CustomResource<RegionSpec, RegionStatus> {
  // No initStatus(): a status that the server does not have must stay null here, or status patches
  // computed as a diff against it would address fields that do not exist.
}
