package io.greenlang.crds.tenant;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.common.Names;

/** A customer: an isolated, governed place to run agents in one region (cluster-scoped). */
@Group(GreenLang.GROUP)
@Version(GreenLang.VERSION)
@Singular("tenant")
@Plural("tenants")
@ShortNames({"gltenant", "glt"})
@Categories(GreenLang.CATEGORY)
@ValidationRule(
    value = "size(self.metadata.name) <= " + Names.TENANT_NAME_MAX,
    message =
        "metadata.name of a Tenant must be at most 40 characters (it becomes namespace and database names)",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "self.metadata.name.matches('" + Names.TENANT_NAME + "')",
    message = "metadata.name of a Tenant must start with a letter and hold only a-z, 0-9 and '-'",
    reason = "FieldValueInvalid")
@AdditionalPrinterColumn(
    name = "Isolation",
    jsonPath = ".spec.isolation",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Region",
    jsonPath = ".spec.region",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Tier",
    jsonPath = ".spec.tier",
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
public class Tenant extends CustomResource<TenantSpec, TenantStatus> {
  // No initStatus(): a status that the server does not have must stay null here, or status patches
  // computed as a diff against it would address fields that do not exist.
}
