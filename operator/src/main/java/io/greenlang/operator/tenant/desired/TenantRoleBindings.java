package io.greenlang.operator.tenant.desired;

import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.greenlang.crds.GreenLang;
import io.greenlang.crds.tenant.SubjectKind;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.crds.tenant.TenantMember;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One RoleBinding per tenant member, binding the subject to the ClusterRole {@code
 * greenlang-<role>} inside the tenant's namespace. The name holds the role and a hash of the
 * subject, so changing a member's role replaces exactly that binding (a RoleBinding's roleRef
 * cannot change in place).
 */
public final class TenantRoleBindings {
  public static final String ROLE_LABEL = GreenLang.GROUP + "/role";
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private TenantRoleBindings() {}

  public static List<RoleBinding> build(Tenant tenant, String namespace) {
    return tenant.getSpec().getMembers().stream().map(m -> binding(tenant, namespace, m)).toList();
  }

  static RoleBinding binding(Tenant tenant, String namespace, TenantMember member) {
    Map<String, String> labels = new LinkedHashMap<>(OwnedLabels.forTenant(tenant, "rbac"));
    labels.put(ROLE_LABEL, member.getRole().id());
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(name(member))
        .withNamespace(namespace)
        .withLabels(labels)
        .addToAnnotations(GreenLang.GROUP + "/subject", member.getKind() + "/" + member.getName())
        .endMetadata()
        .withNewRoleRef()
        .withApiGroup(RBAC_GROUP)
        .withKind("ClusterRole")
        .withName(member.getRole().clusterRoleName())
        .endRoleRef()
        .withSubjects(subject(member, namespace))
        .build();
  }

  /** {@code gl-<role>-<readable subject>-<hash>}: unique per subject and role, valid as a name. */
  static String name(TenantMember member) {
    String readable =
        member
            .getName()
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-|-$)", "");
    if (readable.length() > 40) {
      readable = readable.substring(0, 40).replaceAll("-$", "");
    }
    String role = member.getRole().id().replace('_', '-');
    return "gl-" + role + "-" + readable + "-" + hash(member);
  }

  private static Subject subject(TenantMember member, String namespace) {
    var subject = new SubjectBuilder().withKind(member.getKind().name()).withName(member.getName());
    if (member.getKind() == SubjectKind.ServiceAccount) {
      subject.withNamespace(member.getNamespace() == null ? namespace : member.getNamespace());
    } else {
      subject.withApiGroup(RBAC_GROUP);
    }
    return subject.build();
  }

  private static String hash(TenantMember member) {
    String identity =
        member.getKind()
            + "/"
            + (member.getNamespace() == null ? "" : member.getNamespace())
            + "/"
            + member.getName();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
