package io.greenlang.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.greenlang.crds.runtime.StepResult;
import io.greenlang.crds.runtime.StepTask;
import io.greenlang.runtime.worker.TestTools.CountingTool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 10,000 tasks through the bus while four in-process workers are killed (stopped without finishing
 * their task, as a crash) and replaced at random: no task is lost, none has two stored results, and
 * every published result of a task equals its stored one.
 */
class TenThousandTasksIT {

  private static final int TASKS = 10_000;
  private static final int STEPS_PER_RUN = 100;
  private static final int WORKERS = 4;
  private static final Duration LIMIT = Duration.ofMinutes(10);

  private StepBus bus;

  @BeforeEach
  void bus() throws Exception {
    bus = new StepBus("bulk");
  }

  @AfterEach
  void cleanUp() throws Exception {
    bus.close();
  }

  @Test
  void noTaskIsLostAndNoResultIsStoredTwiceWhileWorkersAreKilled() throws Exception {
    CountingTool count = new CountingTool();
    // Kills can make a task go round several times; none may be dead-lettered for it.
    WorkerSettings settings =
        StepBus.fastSettings()
            .withReclaim(Duration.ofMillis(1000), Duration.ofMillis(200))
            .withMaxDeliveries(100);
    StepWorkerFactory factory = bus.factory(settings, count);
    List<StepWorker> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      workers.add(bus.start(factory));
    }
    List<StepTask> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      tasks.add(
          bus.task(
              "soak-" + (i / STEPS_PER_RUN),
              "s" + (i % STEPS_PER_RUN),
              "count",
              Map.of("n", Integer.toString(i))));
    }
    tasks.forEach(bus::publish);

    int kills = 0;
    long nextReport = System.nanoTime();
    long deadline = System.nanoTime() + LIMIT.toNanos();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    while (storedRows() < TASKS || bus.pending() > 0 || bus.redis.xlen(bus.tasksStream()) > 0) {
      assertThat(System.nanoTime()).as("all tasks done within " + LIMIT).isLessThan(deadline);
      Thread.sleep(random.nextInt(100, 400));
      if (System.nanoTime() >= nextReport) {
        System.out.printf(
            "stored %d, pending %d, in stream %d, kills %d%n",
            storedRows(), bus.pending(), bus.redis.xlen(bus.tasksStream()), kills);
        nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      }
      if (storedRows() < TASKS * 9 / 10) {
        int victim = random.nextInt(workers.size());
        workers.get(victim).stop(Duration.ZERO);
        workers.set(victim, bus.start(factory));
        kills++;
      }
    }

    System.out.printf(
        "10,000 tasks: %d worker kills, %d tool runs, %.0f reclaimed, %.0f republished%n",
        kills, count.totalRuns(), bus.counter("reclaimed"), bus.counter("republished"));
    assertThat(kills).isGreaterThan(10);
    Map<String, StepResult> stored = storedResults();
    assertThat(stored).hasSize(TASKS);
    assertThat(stored.keySet())
        .containsExactlyInAnyOrderElementsOf(tasks.stream().map(StepTask::taskId).toList());
    assertThat(stored.values()).allMatch(r -> r.outcome() == StepResult.Outcome.SUCCEEDED);
    int published = 0;
    for (int run = 0; run < TASKS / STEPS_PER_RUN; run++) {
      for (StepResult result : bus.results("soak-" + run)) {
        StepResult original = stored.get(result.taskId());
        assertThat(result.outputHash()).isEqualTo(original.outputHash());
        assertThat(result.worker()).isEqualTo(original.worker());
        assertThat(result.completedEpochMillis()).isEqualTo(original.completedEpochMillis());
        published++;
      }
    }
    assertThat(published).isGreaterThanOrEqualTo(TASKS);
    assertThat(bus.redis.xlen(bus.deadLetterStream())).isZero();
  }

  private long storedRows() throws Exception {
    try (Connection admin = bus.database.admin();
        Statement statement = admin.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM greenlang.step_results")) {
      row.next();
      return row.getLong(1);
    }
  }

  private Map<String, StepResult> storedResults() throws Exception {
    Map<String, StepResult> results = new HashMap<>();
    try (Connection admin = bus.database.admin();
        Statement statement = admin.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT task_id, outcome, output_hash, worker, completed_at"
                    + " FROM greenlang.step_results")) {
      while (rows.next()) {
        StepResult previous =
            results.put(
                rows.getString(1),
                new StepResult(
                    rows.getString(1),
                    null,
                    0,
                    false,
                    StepResult.Outcome.valueOf(rows.getString(2)),
                    null,
                    rows.getString(3),
                    null,
                    0,
                    null,
                    null,
                    null,
                    rows.getString(4),
                    0,
                    rows.getTimestamp(5).toInstant().toEpochMilli()));
        assertThat(previous).as("one stored row per task").isNull();
      }
    }
    return results;
  }
}
