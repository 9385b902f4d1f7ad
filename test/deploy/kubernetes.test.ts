// deploy/kubernetes/ as Kubernetes reads it: every manifest validates against the Kubernetes API's own schemas
// (kubernetes-models, generated from the API's OpenAPI definitions), and a copy with a mistake does not; the
// kustomization lists every manifest; the broker configuration in the ConfigMap loads through the broker's
// loader with no lint finding; and the pieces agree with each other and with the broker: probes on /readyz and
// /healthz at the port the configuration listens on, the grace period longer than the broker's shutdown grace,
// selectors that select the pods, every environment variable the configuration reads provided from a Secret,
// the configuration and the TLS files mounted where the configuration names them, and the pod locked down.
import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { buildConfig } from '../../src/broker/config/load.js';
import { lintConfig } from '../../src/broker/lint/index.js';
import { ROOT } from '../helpers/action.js';
import { kustomize, schemaProblem, type Manifest } from '../helpers/kubernetes.js';

const DIR = join(ROOT, 'deploy', 'kubernetes');
const kustomization = kustomize(DIR);
const { manifests } = kustomization;
const byKind = (kind: string) => manifests.find(([, m]) => m.kind === kind)![1] as Manifest & Record<string, any>;
const deployment = byKind('Deployment');
const pod = deployment.spec.template.spec;
const container = pod.containers[0];
const brokerYaml = byKind('ConfigMap').data['broker.yaml'] as string;
const broker = parse(brokerYaml) as { listen: { port: number; shutdown_grace_seconds: number; tls: { cert: string; key: string } }; secrets: Record<string, { env?: string }> };

describe('the Kubernetes manifests', () => {
  it('the kustomization lists every manifest in the folder', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each(manifests.map(([f, m]) => [f, m] as const))("%s is valid by the Kubernetes API's schema", (_f, m) => {
    expect(schemaProblem(m)).toBeUndefined();
  });

  // (The API's schemas leave objects open to other fields, as the API server does unless kubectl asks for
  // strict field validation, so a misspelt field is not among the mistakes shown.)
  it('and that check refuses a mistake: a port as text, a container without a name', () => {
    const badPort = structuredClone(deployment);
    badPort.spec.template.spec.containers[0].ports[0].containerPort = 'https';
    expect(schemaProblem(badPort)).toMatch(/containerPort must be integer/);
    const unnamed = structuredClone(deployment);
    delete unnamed.spec.template.spec.containers[0].name;
    expect(schemaProblem(unnamed)).toMatch(/must have required property name/);
  });

  it("the ConfigMap's broker configuration loads and lints clean", async () => {
    const env = Object.fromEntries(Object.values(broker.secrets).flatMap((s) => (s.env ? [[s.env, 'x']] : [])));
    // The TLS files exist only in the pod; everything else is checked as at start-up.
    const raw = parse(brokerYaml) as unknown;
    await expect(buildConfig(raw, '/etc/oidc-exchange/broker.yaml', { env, checkSources: false })).resolves.toBeDefined();
    const { findings, problems } = lintConfig(raw);
    expect([...problems, ...findings.map((f) => `${f.rule}: ${f.message}`)]).toEqual([]);
  });

  it('probes /readyz and /healthz over HTTPS at the port the broker listens on', () => {
    expect(container.ports).toEqual([{ name: 'https', containerPort: broker.listen.port }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'https', scheme: 'HTTPS' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'https', scheme: 'HTTPS' });
    const service = byKind('Service');
    expect(service.spec.ports[0].targetPort).toBe('https');
  });

  it("gives the broker longer than its shutdown grace before SIGKILL", () => {
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(broker.listen.shutdown_grace_seconds);
  });

  it('selects its own pods in the Service, the disruption budget and the network policy', () => {
    const labels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(labels);
    expect(byKind('Service').spec.selector).toEqual(labels);
    expect(byKind('PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    expect(byKind('NetworkPolicy').spec.podSelector.matchLabels).toEqual(labels);
    expect(byKind('NetworkPolicy').spec.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: broker.listen.port }] }]);
  });

  it('provides every variable the configuration reads, from a Secret, never as a literal', () => {
    const wanted = Object.values(broker.secrets).flatMap((s) => (s.env ? [s.env] : []));
    expect(wanted.length).toBeGreaterThan(0);
    const given = Object.fromEntries((container.env as Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: unknown } }>).map((e) => [e.name, e]));
    for (const name of wanted) expect([name, given[name]?.valueFrom?.secretKeyRef !== undefined, given[name]?.value]).toEqual([name, true, undefined]);
  });

  it('mounts the configuration where --config names it and the TLS Secret where listen.tls names its files', () => {
    const mounts = container.volumeMounts as Array<{ name: string; mountPath: string; readOnly?: boolean }>;
    const configPath = container.args[container.args.indexOf('--config') + 1];
    expect(mounts.find((m) => m.mountPath === configPath)).toMatchObject({ name: 'config', readOnly: true });
    const tls = mounts.find((m) => m.name === 'tls')!;
    expect([broker.listen.tls.cert, broker.listen.tls.key]).toEqual([`${tls.mountPath}/tls.crt`, `${tls.mountPath}/tls.key`]);
    expect(pod.volumes.find((v: { name: string }) => v.name === 'tls').secret.secretName).toBe('oidc-exchange-tls');
  });

  it('runs locked down: non-root, read-only root, no privilege escalation, no capabilities, default seccomp', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });
});
