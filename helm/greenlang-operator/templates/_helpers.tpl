{{/*
The chart name, overridable; truncated to 63 characters because label values are limited to that.
*/}}
{{- define "greenlang-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of namespaced resources: the release name, plus the chart name unless the release
name already contains it, so `helm install greenlang-operator .` does not yield a doubled name.
*/}}
{{- define "greenlang-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, as the helm.sh/chart label expects ("+" is not allowed in label values).
*/}}
{{- define "greenlang-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every resource of the chart.
*/}}
{{- define "greenlang-operator.labels" -}}
helm.sh/chart: {{ include "greenlang-operator.chart" . }}
{{ include "greenlang-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: greenlang
{{- end }}

{{/*
Labels that select the operator pods; they must never change between upgrades because a
Deployment's selector is immutable.
*/}}
{{- define "greenlang-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "greenlang-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The ServiceAccount the operator runs as.
*/}}
{{- define "greenlang-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "greenlang-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The operator image; the tag defaults to the chart's appVersion so chart and operator move together.
*/}}
{{- define "greenlang-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
The tenant role ids of DOMAIN.md ("The eight roles"); the ClusterRoles are named greenlang-<id>
and the operator may bind exactly these.
*/}}
{{- define "greenlang-operator.tenantRoleIds" -}}
super_admin tenant_admin developer operator analyst auditor viewer api_service
{{- end }}

{{/*
The Quarkus Operator SDK namespace list: the configured namespaces comma-joined, or the SDK's
marker for all namespaces when none are given.
*/}}
{{- define "greenlang-operator.watchedNamespaces" -}}
{{- if .Values.operator.watchNamespaces }}
{{- join "," .Values.operator.watchNamespaces }}
{{- else }}
{{- print "JOSDK_ALL_NAMESPACES" }}
{{- end }}
{{- end }}

{{/*
Metadata of one tenant ClusterRole; call with (dict "root" $ "role" "<role id>").
*/}}
{{- define "greenlang-operator.tenantRoleMetadata" -}}
metadata:
  name: greenlang-{{ .role }}
  labels:
    {{- include "greenlang-operator.labels" .root | nindent 4 }}
    app.kubernetes.io/component: tenant-rbac
    greenlang.io/role: {{ .role }}
{{- end }}

{{/*
Name of the operator's own ClusterRole and ClusterRoleBinding. The suffix keeps it apart from the
tenant role greenlang-operator, which the default release name would otherwise collide with.
*/}}
{{- define "greenlang-operator.operatorClusterRoleName" -}}
{{- printf "%s-controller" (include "greenlang-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Name of the Service the API server calls the admission webhook through.
*/}}
{{- define "greenlang-operator.webhookServiceName" -}}
{{- printf "%s-webhook" (include "greenlang-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Name of the kubernetes.io/tls Secret holding the webhook's serving certificate (tls.crt, tls.key)
and its CA (ca.crt), whether Helm or cert-manager writes it.
*/}}
{{- define "greenlang-operator.webhookSecretName" -}}
{{- printf "%s-webhook-tls" (include "greenlang-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
DNS names the webhook's serving certificate must cover: the forms of the Service's in-cluster name.
*/}}
{{- define "greenlang-operator.webhookDnsNames" -}}
{{- $service := include "greenlang-operator.webhookServiceName" . -}}
{{- $namespace := .Release.Namespace -}}
{{- list $service (printf "%s.%s" $service $namespace) (printf "%s.%s.svc" $service $namespace) (printf "%s.%s.svc.cluster.local" $service $namespace) | join " " }}
{{- end }}

{{/*
Where the operator container reads the webhook certificate from.
*/}}
{{- define "greenlang-operator.webhookCertificateDir" -}}
/etc/greenlang/webhook-tls
{{- end }}

{{/*
Annotation on the Helm-generated webhook Secret recording when its certificates expire (RFC 3339, UTC);
an upgrade reads it back to decide whether to renew them.
*/}}
{{- define "greenlang-operator.webhookCertificateNotAfterAnnotation" -}}
greenlang.io/certificate-not-after
{{- end }}

{{/*
An image reference from {repository, tag}; the tag defaults to the chart's appVersion.
Call with (dict "image" .Values.agentRuntime.image "root" $).
*/}}
{{- define "greenlang-operator.imageReference" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/*
Labels that select only the operator's metrics Service (not the webhook Service, which selects the
same pods).
*/}}
{{- define "greenlang-operator.metricsServiceLabels" -}}
{{ include "greenlang-operator.selectorLabels" . }}
app.kubernetes.io/component: operator
{{- end }}

{{/*
PromQL label matchers for the operator's own series as the ServiceMonitor produces them: job is the
Service name, namespace the release namespace.
*/}}
{{- define "greenlang-operator.operatorSeries" -}}
job="{{ include "greenlang-operator.fullname" . }}",namespace="{{ .Release.Namespace }}"
{{- end }}

{{/*
Whether the operator gets a PodDisruptionBudget: always with more than one replica, or on request.
*/}}
{{- define "greenlang-operator.podDisruptionBudgetEnabled" -}}
{{- if or .Values.podDisruptionBudget.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{/*
The `to` of an egress rule: one ipBlock per CIDR; nothing (any address) for no CIDRs.
*/}}
{{- define "greenlang-operator.ipBlockPeers" -}}
{{- if . }}
{{- $peers := list }}
{{- range . }}
{{- $peers = append $peers (dict "ipBlock" (dict "cidr" .)) }}
{{- end }}
{{- dict "to" $peers | toYaml }}
{{- end }}
{{- end }}

{{/*
Name of the connection Secret the chart writes for a Region's service;
call with (dict "root" $ "region" "<name>" "service" "postgres|redis").
*/}}
{{- define "greenlang-operator.regionSecretName" -}}
{{- printf "%s-%s-%s" (include "greenlang-operator.fullname" .root) .region .service | trunc 253 | trimSuffix "-" }}
{{- end }}
