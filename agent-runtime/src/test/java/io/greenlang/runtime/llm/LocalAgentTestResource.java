package io.greenlang.runtime.llm;

import io.greenlang.testsupport.TestRedis;
import io.greenlang.testsupport.llm.LocalLlmServer;
import io.greenlang.testsupport.llm.Reply;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * An agent as the operator hands it to a runtime pod: {@code agent.yaml} in a mounted directory,
 * its API key in a mounted Secret directory, and a local OpenAI-wire provider it calls. The tenant
 * has a random name; its Redis keys are deleted when the application stops.
 */
public class LocalAgentTestResource implements QuarkusTestResourceLifecycleManager {

  /** The agent's name in the rendered configuration. */
  public static final String AGENT = "cbam-explainer";

  static volatile String tenant;
  static volatile LocalLlmServer provider;
  private Path directory;

  @Override
  public Map<String, String> start() {
    byte[] random = new byte[5];
    ThreadLocalRandom.current().nextBytes(random);
    tenant = "t" + HexFormat.of().formatHex(random);
    provider = LocalLlmServer.start(LocalLlmServer.Wire.OPENAI);
    provider.otherwise(Reply.text("CBAM puts a carbon price on imports.", 1200, 300));
    try {
      directory = Files.createTempDirectory("gl-agent");
      Path secrets = Files.createDirectories(directory.resolve("secrets/llm-keys"));
      Files.writeString(secrets.resolve("openai"), "sk-test-runtime-0123456789\n");
      Path agent = directory.resolve("agent.yaml");
      Files.writeString(
          agent,
          """
          tenant: %s
          agent: %s
          namespace: gl-%s
          isolation: logical
          tier: STARTER
          regionName: eu
          region:
            code: EU
            primaryLocation: eu-central-1
            residency:
              blockedTargets: ["us-*", "cn-*", "ap-*"]
              allowedDataClasses: [public, business]
            llmEndpoints:
              - name: openai-eu
                provider: openai
                url: %s
                location: eu-west-1
          tenantBudget:
            monthlyLimitUsd: "100.00"
          llmTokensPerDay: 100000
          spec:
            dataClass: business
            llm:
              maxRetries: 1
              providers:
                - name: primary
                  endpoint: openai-eu
                  model: gpt-4o-mini
                  apiKeySecretRef: {name: llm-keys, key: openai}
          """
              .formatted(tenant, AGENT, tenant, provider.url()));
      return Map.of(
          "greenlang.agent.configuration-file", agent.toString(),
          "greenlang.agent.secrets-dir", directory.resolve("secrets").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    provider.close();
    RedisClient client = RedisClient.create(TestRedis.server().toRedisUri());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      List<String> keys = new ArrayList<>();
      ScanIterator.scan(redis.sync(), ScanArgs.Builder.matches("t:" + tenant + ":*").limit(500))
          .forEachRemaining(keys::add);
      if (!keys.isEmpty()) {
        redis.sync().del(keys.toArray(String[]::new));
      }
    } finally {
      client.shutdown();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + directory + ": " + e);
    }
  }
}
