package io.greenlang.crds.reference;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.Comparator;
import java.util.List;

/**
 * The order kinds appear in the reference: the GreenLang kinds from the outside in (Region, Tenant,
 * Agent, Pipeline, PipelineRun), then any other kind alphabetically, ties broken by API group.
 */
final class KindOrder implements Comparator<CustomResourceDefinition> {

  private static final List<String> KNOWN_KINDS =
      List.of("Region", "Tenant", "Agent", "Pipeline", "PipelineRun");

  @Override
  public int compare(CustomResourceDefinition left, CustomResourceDefinition right) {
    return Comparator.comparingInt(KindOrder::rank)
        .thenComparing(KindOrder::kind)
        .thenComparing(crd -> crd.getSpec().getGroup())
        .compare(left, right);
  }

  private static int rank(CustomResourceDefinition crd) {
    int known = KNOWN_KINDS.indexOf(kind(crd));
    return known >= 0 ? known : KNOWN_KINDS.size();
  }

  static String kind(CustomResourceDefinition crd) {
    return crd.getSpec().getNames().getKind();
  }
}
