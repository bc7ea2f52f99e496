package io.greenlang.testsupport.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.stream.Stream;

/**
 * fabric8's CRUD dispatcher with its store indexed by plural and name ({@link NameIndexedStore}):
 * reading, creating, replacing and patching one named object cost the same whatever the number of
 * stored objects, as on a real API server, instead of a scan of all of them. Lists, watches and
 * deletes are the stock dispatcher's. For benchmarks with tens of thousands of objects, where the
 * stock store's scans, not the operator, would set the pace. Like fabric8's mixed dispatcher, a
 * request with a recorded expectation ({@code server.expect()}) gets that answer instead.
 */
final class IndexedCrudDispatcher extends KubernetesCrudDispatcher {
  private final NameIndexedStore store = new NameIndexedStore();
  private final Map<ServerRequest, Queue<ServerResponse>> expectations;
  private final MockDispatcher expected;

  IndexedCrudDispatcher(Map<ServerRequest, Queue<ServerResponse>> expectations) {
    this.expectations = expectations;
    this.expected = new MockDispatcher(expectations);
    replaceStore();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Queue<ServerResponse> answers =
        expectations.get(
            new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
    return answers != null && !answers.isEmpty()
        ? expected.dispatch(request)
        : super.dispatch(request);
  }

  @Override
  public MockResponse handleGet(String path) {
    if (path.contains("watch=true")) {
      return super.handleGet(path);
    }
    Optional<Stream<Map.Entry<AttributeSet, String>>> candidates = store.candidates(getKey(path));
    if (candidates.isEmpty()) {
      return super.handleGet(path);
    }
    return candidates
        .get()
        .findFirst()
        .map(
            entry ->
                new MockResponse()
                    .setResponseCode(HttpURLConnection.HTTP_OK)
                    .setBody(entry.getValue()))
        .orElseGet(() -> new MockResponse().setResponseCode(HttpURLConnection.HTTP_NOT_FOUND));
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    return store
        .candidates(attributes)
        .map(entries -> entries.findFirst().orElse(null))
        .orElseGet(() -> super.findResource(attributes));
  }

  /** How many objects the server stores, per resource plural. */
  Map<String, Long> storedObjects() {
    return store.countByPlural();
  }

  /** The stock dispatcher keeps its store in a final field that no constructor lets us choose. */
  private void replaceStore() {
    try {
      Field map = CrudDispatcher.class.getDeclaredField("map");
      map.setAccessible(true);
      map.set(this, store);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "fabric8's CrudDispatcher no longer has its store in 'map'", e);
    }
  }
}
