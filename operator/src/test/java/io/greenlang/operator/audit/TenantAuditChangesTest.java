package io.greenlang.operator.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greenlang.crds.common.SecretKeySelector;
import io.greenlang.crds.tenant.DeletionPolicy;
import io.greenlang.crds.tenant.IsolationLevel;
import io.greenlang.crds.tenant.PhysicalIsolation;
import io.greenlang.crds.tenant.QuotaOverrides;
import io.greenlang.crds.tenant.SlaTier;
import io.greenlang.crds.tenant.SubjectKind;
import io.greenlang.crds.tenant.TenantMember;
import io.greenlang.crds.tenant.TenantRole;
import io.greenlang.crds.tenant.TenantSpec;
import io.greenlang.crds.tenant.TenantTier;
import io.greenlang.runtime.schema.audit.AuditEventType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events between two audited states of a Tenant: only real transitions, named precisely. */
class TenantAuditChangesTest {

  private static final TenantAuditChanges.Context CONTEXT =
      new TenantAuditChanges.Context(
          "acme", 3L, false, "credentials:gl-acme/greenlang-credentials", "gl_acme", "gl-acme");

  @Test
  void theFirstStateIsTheProvisioningAndEachMemberIsCreated() {
    List<TrailEvent> events =
        TenantAuditChanges.between(null, TenantAuditState.provisioned(spec(), null), CONTEXT);

    assertThat(events)
        .extracting(TrailEvent::type)
        .containsExactly(
            AuditEventType.TENANT_SETTINGS_CHANGED,
            AuditEventType.USER_CREATED,
            AuditEventType.USER_CREATED);
    ObjectNode provisioned = events.get(0).details();
    assertThat(provisioned.get("change").asText()).isEqualTo("provisioned");
    assertThat(provisioned.get("tier").asText()).isEqualTo("PROFESSIONAL");
    assertThat(provisioned.get("isolation").asText()).isEqualTo("database");
    assertThat(provisioned.get("members").asInt()).isEqualTo(2);
    assertThat(provisioned.get("generation").asLong()).isEqualTo(3);
    assertThat(events.get(0).target()).isEqualTo("tenant:acme");
    assertThat(events.get(1).target()).isEqualTo("member:Group/acme:analysts");
    assertThat(events.get(1).details().toString())
        .isEqualTo("{\"kind\":\"Group\",\"name\":\"acme:analysts\",\"role\":\"analyst\"}");
    assertThat(events.get(2).target()).isEqualTo("member:User/ann@acme.example");
  }

  @Test
  void aTenantReadyBeforeAnythingWasRecordedIsFirstRecordedNotProvisioned() {
    var context = new TenantAuditChanges.Context("acme", 9L, true, null, "gl_acme", "gl-acme");
    List<TrailEvent> events =
        TenantAuditChanges.between(null, TenantAuditState.provisioned(spec(), null), context);
    assertThat(events.get(0).details().get("change").asText()).isEqualTo("first_recorded");
  }

  @Test
  void theSameStateGivesNoEventEvenWithNumbersOfAnotherJavaType() {
    TenantSpec spec = spec();
    QuotaOverrides quotas = new QuotaOverrides();
    quotas.setLlmTokensPerDay(5_000L);
    spec.setQuotas(quotas);
    ObjectNode recorded = TenantAuditState.provisioned(spec, "r1");

    assertThat(
            TenantAuditChanges.between(recorded, TenantAuditState.provisioned(spec, "r1"), CONTEXT))
        .isEmpty();
    assertThat(TenantAuditState.provisioned(spec, "r1")).isEqualTo(recorded);
  }

  @Test
  void settingsSlaConfigurationAndKeyChangesAreEachTheirOwnEvent() {
    TenantSpec before = spec();
    before.setIsolation(IsolationLevel.PHYSICAL);
    before.setMemberCluster("member-0");
    before.setPhysical(physical("key-a"));
    TenantSpec after = spec();
    after.setIsolation(IsolationLevel.PHYSICAL);
    after.setMemberCluster("member-0");
    after.setPhysical(physical("key-b"));
    after.getPhysical().setAirGapped(true);
    after.setTier(TenantTier.ENTERPRISE);
    after.setDeletionPolicy(DeletionPolicy.Delete);
    after.setSla(SlaTier.PREMIUM);

    List<TrailEvent> events =
        TenantAuditChanges.between(
            TenantAuditState.provisioned(before, null),
            TenantAuditState.provisioned(after, null),
            CONTEXT);

    assertThat(events)
        .extracting(TrailEvent::type)
        .containsExactly(
            AuditEventType.TENANT_SETTINGS_CHANGED,
            AuditEventType.SLA_UPDATED,
            AuditEventType.CONFIG_UPDATED,
            AuditEventType.SECURITY_ENCRYPTION_KEY_ROTATED);
    assertThat(events.get(0).details().get("changed").toString())
        .isEqualTo(
            "{\"deletionPolicy\":{\"from\":\"Retain\",\"to\":\"Delete\"},"
                + "\"tier\":{\"from\":\"PROFESSIONAL\",\"to\":\"ENTERPRISE\"}}");
    assertThat(events.get(1).details().toString())
        .isEqualTo("{\"generation\":3,\"from\":\"standard\",\"to\":\"premium\"}");
    assertThat(events.get(2).details().get("changed").fieldNames())
        .toIterable()
        .containsExactly("airGapped");
    assertThat(events.get(3).details().get("to").asText()).isEqualTo("secret:key-b/key");
  }

  @Test
  void membersAddedChangedAndRemoved() {
    TenantSpec before = spec();
    TenantSpec after = spec();
    after.getMembers().remove(1);
    after.getMembers().get(0).setRole(TenantRole.AUDITOR);
    TenantMember robot = new TenantMember(SubjectKind.ServiceAccount, "ci", TenantRole.API_SERVICE);
    robot.setNamespace("tools");
    after.getMembers().add(robot);

    List<TrailEvent> events =
        TenantAuditChanges.between(
            TenantAuditState.provisioned(before, null),
            TenantAuditState.provisioned(after, null),
            CONTEXT);

    assertThat(events)
        .extracting(e -> e.type().code() + " " + e.target() + " " + e.details())
        .containsExactly(
            "user.deleted member:Group/acme:analysts"
                + " {\"kind\":\"Group\",\"name\":\"acme:analysts\",\"role\":\"analyst\"}",
            "user.created member:ServiceAccount/tools/ci"
                + " {\"kind\":\"ServiceAccount\",\"namespace\":\"tools\",\"name\":\"ci\","
                + "\"role\":\"api_service\"}",
            "user.role_changed member:User/ann@acme.example"
                + " {\"kind\":\"User\",\"name\":\"ann@acme.example\","
                + "\"from\":\"tenant_admin\",\"to\":\"auditor\"}");
  }

  @Test
  void aCarriedOutRotationResetsTheLoginRolesPasswordsOnce() {
    ObjectNode before = TenantAuditState.provisioned(spec(), null);
    ObjectNode rotated = TenantAuditState.provisioned(spec(), "2026-11-26");

    List<TrailEvent> events = TenantAuditChanges.between(before, rotated, CONTEXT);

    assertThat(events)
        .extracting(TrailEvent::type)
        .containsExactly(AuditEventType.USER_PASSWORD_RESET);
    assertThat(events.get(0).target()).isEqualTo("credentials:gl-acme/greenlang-credentials");
    assertThat(events.get(0).details().toString())
        .isEqualTo(
            "{\"generation\":3,\"postgresRole\":\"gl_acme\",\"redisUser\":\"gl-acme\","
                + "\"rotation\":\"2026-11-26\"}");
    assertThat(TenantAuditChanges.between(rotated, rotated, CONTEXT)).isEmpty();
    assertThat(
            TenantAuditChanges.between(
                rotated, TenantAuditState.provisioned(spec(), null), CONTEXT))
        .as("an annotation removed is no rotation")
        .isEmpty();
  }

  @Test
  void deletionIsADataDeletionRequestUnderDeleteAndASettingsChangeUnderRetain() {
    TenantSpec deleting = spec();
    deleting.setDeletionPolicy(DeletionPolicy.Delete);
    ObjectNode recorded = TenantAuditState.provisioned(deleting, null);
    ObjectNode requested = TenantAuditState.deletionRequested(recorded);

    List<TrailEvent> events = TenantAuditChanges.between(recorded, requested, CONTEXT);
    assertThat(events)
        .extracting(TrailEvent::type)
        .containsExactly(AuditEventType.COMPLIANCE_DATA_DELETION_REQUEST);
    assertThat(events.get(0).details().toString())
        .isEqualTo("{\"generation\":3,\"deletionPolicy\":\"Delete\",\"isolation\":\"database\"}");
    assertThat(TenantAuditChanges.between(requested, requested, CONTEXT)).isEmpty();

    ObjectNode retained =
        TenantAuditState.deletionRequested(TenantAuditState.provisioned(spec(), null));
    assertThat(TenantAuditChanges.between(null, retained, CONTEXT))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(AuditEventType.TENANT_SETTINGS_CHANGED);
              assertThat(e.details().get("change").asText()).isEqualTo("deleted");
            });
  }

  @Test
  void aTenantRecreatedAfterDeletionIsProvisionedAgain() {
    ObjectNode deleted =
        TenantAuditState.deletionRequested(TenantAuditState.provisioned(spec(), null));
    List<TrailEvent> events =
        TenantAuditChanges.between(deleted, TenantAuditState.provisioned(spec(), null), CONTEXT);
    assertThat(events.get(0).details().get("change").asText()).isEqualTo("provisioned");
    assertThat(events).hasSize(3);
  }

  private static TenantSpec spec() {
    TenantSpec spec = new TenantSpec();
    spec.setIsolation(IsolationLevel.DATABASE);
    spec.setRegion("eu");
    spec.setTier(TenantTier.PROFESSIONAL);
    spec.setMembers(
        new ArrayList<>(
            List.of(
                new TenantMember(SubjectKind.User, "ann@acme.example", TenantRole.TENANT_ADMIN),
                new TenantMember(SubjectKind.Group, "acme:analysts", TenantRole.ANALYST))));
    return spec;
  }

  private static PhysicalIsolation physical(String keySecret) {
    PhysicalIsolation physical = new PhysicalIsolation();
    SecretKeySelector key = new SecretKeySelector();
    key.setName(keySecret);
    key.setKey("key");
    physical.setEncryptionKeyRef(key);
    return physical;
  }
}
