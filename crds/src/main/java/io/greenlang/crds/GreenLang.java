package io.greenlang.crds;

/** Names every GreenLang resource shares: API group, version, category, labels and annotations. */
public final class GreenLang {
  public static final String GROUP = "greenlang.io";
  public static final String VERSION = "v1alpha1";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  /** `kubectl get greenlang` lists every kind in this category. */
  public static final String CATEGORY = "greenlang";

  public static final String TENANT_LABEL = GROUP + "/tenant";
  public static final String REGION_LABEL = GROUP + "/region";
  public static final String ISOLATION_LABEL = GROUP + "/isolation";
  public static final String TIER_LABEL = GROUP + "/tier";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "greenlang-operator";

  private GreenLang() {}
}
