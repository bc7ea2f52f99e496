package io.greenlang.benchmarks;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Where the figures come from: date, CPU, memory, JVM, OS and the mock API server's version. */
record BenchmarkEnvironment(
    String date,
    int cores,
    String cpuModel,
    long memoryGb,
    String jvm,
    String os,
    String apiServer) {

  static BenchmarkEnvironment describe() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new BenchmarkEnvironment(
        ZonedDateTime.now()
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneOffset.UTC)),
        Runtime.getRuntime().availableProcessors(),
        readCpuModel().orElse("unknown"),
        Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        "fabric8 " + mockServerJar() + " (CRUD mode, in the benchmark JVM, loopback HTTP)");
  }

  /** CPU time this JVM (benchmark, mock API servers, informer) has used so far. */
  static Duration benchmarkCpuTime() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return Duration.ofNanos(os.getProcessCpuTime());
  }

  /**
   * CPU time all processes of the machine have used so far (busy ticks of /proc/stat at the usual
   * 100 per second), to tell how much other work shared the cores with the benchmark.
   */
  static Optional<Duration> machineCpuTime() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
      long busyTicks = 0;
      // user nice system idle iowait irq softirq steal: everything but idle and iowait is busy.
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busyTicks += Long.parseLong(fields[i]);
      }
      return Optional.of(Duration.ofMillis(busyTicks * 10));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> readCpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The mock server's jar name, such as kubernetes-server-mock-7.5.2.jar, which names its version.
   */
  private static String mockServerJar() {
    try {
      String location =
          KubernetesMockServer.class.getProtectionDomain().getCodeSource().getLocation().getPath();
      return Path.of(location).getFileName().toString().replace(".jar", "");
    } catch (RuntimeException e) {
      return "kubernetes-server-mock";
    }
  }
}
