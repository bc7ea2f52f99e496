package io.greenlang.operator.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.greenlang.operator.cluster.OwnedObjectSync;
import io.greenlang.operator.tenant.desired.SharedNamespace;
import io.greenlang.testsupport.kubernetes.MockKubernetesApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared namespace's objects are read once per recheck interval, however many logical tenants'
 * passes ask, and again at once when what is desired changes or the interval is over.
 */
class SharedNamespaceSyncIT {
  private final MockKubernetesApi api = MockKubernetesApi.start();
  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final SharedNamespaceSync shared = new SharedNamespaceSync(Duration.ofMinutes(5), clock);
  private final OwnedObjectSync sync = new OwnedObjectSync(api.client());

  @AfterEach
  void stop() {
    api.close();
  }

  private static List<HasMetadata> objects() {
    return List.of(SharedNamespace.namespace(), SharedNamespace.quota(), SharedNamespace.limits());
  }

  @Test
  void createsThenTrustsWhatItFoundWithinTheInterval() {
    assertThat(shared.apply("eu/local", sync, objects()).created()).isEqualTo(3);
    api.takeRequests();

    for (int pass = 0; pass < 100; pass++) {
      assertThat(shared.apply("eu/local", sync, objects()).wrote()).isFalse();
    }
    assertThat(api.takeRequests()).isEmpty();
  }

  @Test
  void readsAgainAfterTheIntervalAndRestoresWhatWasChanged() {
    shared.apply("eu/local", sync, objects());
    api.client().resource(SharedNamespace.quota()).delete();

    now.set(now.get().plus(Duration.ofMinutes(5)));
    assertThat(shared.apply("eu/local", sync, objects()).created()).isEqualTo(1);
    assertThat(api.client().resource(SharedNamespace.quota()).get()).isNotNull();
  }

  @Test
  void appliesAChangedDesiredStateAtOnce() {
    shared.apply("eu/local", sync, objects());
    api.takeRequests();

    ResourceQuota bigger = SharedNamespace.quota();
    bigger.getSpec().getHard().put("pods", new io.fabric8.kubernetes.api.model.Quantity("12345"));
    List<HasMetadata> changed =
        List.of(SharedNamespace.namespace(), bigger, SharedNamespace.limits());
    assertThat(shared.apply("eu/local", sync, changed).updated()).isEqualTo(1);
    assertThat(api.takeRequests()).isNotEmpty();
  }

  @Test
  void eachClusterIsConfirmedOnItsOwn() {
    shared.apply("eu/local", sync, objects());
    api.takeRequests();

    shared.apply("eu/member-1", sync, objects());
    assertThat(api.takeRequests()).hasSize(3);
  }
}
