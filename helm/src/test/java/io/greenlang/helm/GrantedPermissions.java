package io.greenlang.helm;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What a ClusterRole grants, asked the way a reviewer asks: which verbs on this group/resource,
 * which verbs at all, which resources. Wildcards are matched literally, so a test can ask for "*"
 * itself.
 */
record GrantedPermissions(String roleName, List<PolicyRule> rules) {

  static GrantedPermissions of(ClusterRole role) {
    return new GrantedPermissions(role.getMetadata().getName(), role.getRules());
  }

  /** Verbs granted on {@code resource} (e.g. "agents", "pods/log") in {@code apiGroup}. */
  Set<String> verbsOn(String apiGroup, String resource) {
    return collect(
        rules.stream()
            .filter(rule -> rule.getApiGroups().contains(apiGroup))
            .filter(rule -> rule.getResources().contains(resource))
            .flatMap(rule -> rule.getVerbs().stream()));
  }

  Set<String> allVerbs() {
    return collect(rules.stream().flatMap(rule -> rule.getVerbs().stream()));
  }

  Set<String> allResources() {
    return collect(rules.stream().flatMap(rule -> rule.getResources().stream()));
  }

  Set<String> allApiGroups() {
    return collect(rules.stream().flatMap(rule -> rule.getApiGroups().stream()));
  }

  /** Rules that contain a "*" in their groups, resources or verbs. */
  List<PolicyRule> wildcardRules() {
    return rules.stream()
        .filter(
            rule ->
                rule.getApiGroups().contains("*")
                    || rule.getResources().contains("*")
                    || rule.getVerbs().contains("*"))
        .toList();
  }

  private static Set<String> collect(Stream<String> values) {
    return values.collect(TreeSet::new, Set::add, Set::addAll);
  }
}
