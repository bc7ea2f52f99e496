package io.greenlang.sandbox;

import io.greenlang.crds.pipelinerun.PipelineRun;
import io.greenlang.crds.pipelinerun.PipelineRunStatus;
import io.greenlang.crds.pipelinerun.RunPhase;
import io.greenlang.crds.tenant.Tenant;
import io.greenlang.sandbox.kubelet.LocalPod;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's account of its PipelineRuns: each run's steps, the report files written from the
 * stored results (JSON, CSV, provenance), the key CBAM figures, the tenants' audit chains as a
 * running agent-runtime verifies them, and the metrics endpoints.
 */
final class SandboxSummary {
  private static final Map<String, String> FIGURES = new LinkedHashMap<>();

  static {
    FIGURES.put("embedded-emissions/embeddedTotalTonnes", "Embedded emissions, t CO2e");
    FIGURES.put("embedded-emissions/countedTonnes", "Counted (direct) emissions, t CO2e");
    FIGURES.put("obligation/certificates", "CBAM certificates to surrender");
    FIGURES.put("obligation/costEur", "Certificate cost, EUR");
  }

  private final LocalPlatform platform;
  private final Path workDir;
  private final PrintStream out;

  SandboxSummary(LocalPlatform platform, Path workDir, PrintStream out) {
    this.platform = platform;
    this.workDir = workDir;
    this.out = out;
  }

  /**
   * Prints everything; true when every run Succeeded, its report was written and every tenant's
   * audit chain verified intact.
   */
  boolean print(List<PipelineRun> runs) {
    boolean complete = !runs.isEmpty();
    Map<String, String> tenants = new LinkedHashMap<>();
    for (PipelineRun run : runs) {
      complete &= printRun(run);
      PipelineRunStatus status = run.getStatus();
      if (status != null && status.getTenant() != null) {
        tenants.put(status.getTenant(), run.getMetadata().getNamespace());
      }
    }
    for (var tenant : tenants.entrySet()) {
      complete &= printAudit(tenant.getKey(), tenant.getValue());
    }
    out.println("\nMetrics (Prometheus):");
    out.printf("  operator  %s/q/metrics%n", platform.operator().httpUrl());
    for (LocalPod pod : platform.kubelet().pods()) {
      out.printf("  %s/%s  %s/q/metrics%n", pod.namespace(), pod.name(), pod.httpUrl());
    }
    return complete;
  }

  private boolean printRun(PipelineRun run) {
    String name = run.getMetadata().getNamespace() + "/" + run.getMetadata().getName();
    PipelineRunStatus status = run.getStatus();
    RunPhase phase = status == null ? null : status.getPhase();
    out.printf(
        "%nPipelineRun %s: %s, %s%n",
        name,
        phase,
        status == null
            ? "no status"
            : "took " + RunStepsTable.duration(status.getStartTime(), status.getCompletionTime()));
    out.print(RunStepsTable.render(run));
    if (phase != RunPhase.Succeeded) {
      return false;
    }
    out.printf("  Provenance root hash %s%n", status.getProvenanceRootHash());
    try {
      Tenant tenant = platform.client().resources(Tenant.class).withName(status.getTenant()).get();
      RunReport report = RunReport.read(platform.postgres(), tenant.getStatus().getDatabase(), run);
      FIGURES.forEach(
          (key, label) -> {
            String[] parts = key.split("/");
            report
                .output(parts[0], parts[1])
                .ifPresent(value -> out.printf("  %-36s %s%n", label, value));
          });
      Optional<String> reportStep =
          report.steps().values().stream()
              .filter(s -> s.outputs().has("json") && s.outputs().has("csv"))
              .map(RunReport.StepRecord::step)
              .reduce((first, last) -> last);
      if (reportStep.isEmpty()) {
        out.println("  (no step of this run writes a report)");
        return true;
      }
      Path folder =
          workDir
              .resolve("reports")
              .resolve(run.getMetadata().getNamespace())
              .resolve(run.getMetadata().getName());
      RunReport.ReportFiles files = report.write(reportStep.get(), folder);
      out.printf("  Report (step %s) written:%n", reportStep.get());
      out.printf("    JSON        %s%n", files.json().toAbsolutePath());
      out.printf("    CSV         %s%n", files.csv().toAbsolutePath());
      out.printf("    Provenance  %s%n", files.provenance().toAbsolutePath());
      return true;
    } catch (Exception e) {
      out.printf("  Report not written: %s%n", e.getMessage());
      return false;
    }
  }

  private boolean printAudit(String tenant, String namespace) {
    Optional<LocalPod> pod =
        platform.kubelet().pods().stream()
            .filter(p -> p.namespace().equals(namespace) && p.ready())
            .findFirst();
    if (pod.isEmpty()) {
      out.printf("%nAudit chain of tenant %s: not verified, no agent-runtime is ready%n", tenant);
      return false;
    }
    try {
      AuditChainCheck check = AuditChainCheck.verify(pod.get().httpUrl(), tenant);
      out.printf("%nAudit chain of tenant %s: %s%n", tenant, check.describe());
      out.printf("  verified by %s (GET %s)%n", pod.get().name(), check.url());
      return check.intact();
    } catch (Exception e) {
      out.printf("%nAudit chain of tenant %s: not verified: %s%n", tenant, e.getMessage());
      return false;
    }
  }
}
