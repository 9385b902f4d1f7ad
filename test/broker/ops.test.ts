// The operations kit (ops/): the Grafana dashboard and the Prometheus alerting rules name only metrics a
// running broker exports (scraped from its /metrics), the dashboard shows every metric of the broker's own,
// and the rules pass Prometheus's own checker and their unit tests (`promtool check rules`, `promtool test
// rules`). A zero that means "not configured" is never exported: the TLS expiry exists only where the broker
// serves TLS, so the metrics "a running broker exports" are those of a broker without TLS and of one with it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { parse } from 'yaml';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { repoRoot } from '../helpers/docs.js';
import { makePki } from './pki.js';

const dashboard = JSON.parse(readFileSync(join(repoRoot, 'ops/grafana/oidc-exchange-broker.json'), 'utf8')) as {
  panels: Array<{ type: string; title: string; targets?: Array<{ expr: string }> }>;
  templating: { list: Array<{ query?: string }> };
};
const rules = parse(readFileSync(join(repoRoot, 'ops/prometheus/alerts.yml'), 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; expr: string }> }> };

let bed: Bed;
let tlsBed: Bed;
let dir: string | undefined;
let plainText: string;
let tlsText: string;
let exported: Set<string>;

const config = {
  issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com' }],
  secrets: { S: { value: 'v' } },
  policies: [{ name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['S'] }],
  revocation: { token_env: 'REVOCATION_TOKEN' },
};

beforeAll(async () => {
  bed = await startBed({
    config,
    configPath: '/test/ops.yaml',
    env: { REVOCATION_TOKEN: 'revocation-token-0123456789' },
    broker: { processMetrics: true },
  });
  plainText = await (await request(`${bed.url}/metrics`)).body.text();

  // The same broker serving TLS itself.
  dir = await mkdtemp(join(tmpdir(), 'oidcx-ops-'));
  const pki = makePki(dir);
  const server = pki.issue('server', { server: true, cn: 'broker-ops' });
  tlsBed = await startBed({
    config: { ...config, listen: { tls: { cert: server.certFile, key: server.keyFile } } },
    configPath: '/test/ops.yaml',
    env: { REVOCATION_TOKEN: 'revocation-token-0123456789' },
  });
  const agent = new Agent({ connect: { ca: pki.caCert } });
  tlsText = await (await request(`${tlsBed.url}/metrics`, { dispatcher: agent })).body.text();
  await agent.close();

  exported = new Set([...(plainText + tlsText).matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
});
afterAll(async () => {
  await Promise.all([bed?.close(), tlsBed?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a zero that would mean "not configured" is not exported', () => {
  it('a broker without listen.tls exports no TLS certificate expiry at all; one with TLS exports when it expires', () => {
    expect(plainText).not.toContain('oidc_exchange_tls_certificate_expiry_timestamp_seconds');
    const m = /^oidc_exchange_tls_certificate_expiry_timestamp_seconds (\d+)$/m.exec(tlsText);
    expect(m).not.toBeNull();
    // The test's certificate is valid for days, not since 1970.
    expect(Number(m![1]) * 1000).toBeGreaterThan(Date.now());
  });
});

/** The metric names an expression reads (histogram series reduced to their family). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(oidc_exchange_[a-z0-9_]+)/g)].map((m) => m[1]!.replace(/_(bucket|sum|count)$/, ''));
}

describe('Grafana dashboard', () => {
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).concat(dashboard.templating.list.flatMap((v) => (v.query ? [v.query] : [])));

  it('every query names metrics the broker exports', () => {
    expect(exprs.length).toBeGreaterThan(15);
    const unknown = [...new Set(exprs.flatMap(metricsIn))].filter((m) => !exported.has(m));
    expect(unknown).toEqual([]);
  });

  it("shows every metric of the broker's own (not Node's process metrics)", () => {
    const shown = new Set(exprs.flatMap(metricsIn));
    const own = [...exported].filter((m) => !/^oidc_exchange_(process|nodejs)_/.test(m));
    expect(own.filter((m) => !shown.has(m))).toEqual([]);
  });

  it('every panel that queries has a title and a datasource variable', () => {
    for (const p of dashboard.panels.filter((x) => x.type !== 'row')) {
      expect(p.title).toBeTruthy();
      expect((p as unknown as { datasource: { uid: string } }).datasource.uid).toBe('${datasource}');
    }
  });
});

describe('Prometheus alerting rules', () => {
  const all = rules.groups.flatMap((g) => g.rules);

  it('name only metrics the broker exports (and Prometheus\'s own `up`)', () => {
    const unknown = [...new Set(all.flatMap((r) => metricsIn(r.expr)))].filter((m) => !exported.has(m));
    expect(unknown).toEqual([]);
    expect(all.map((r) => r.alert)).toEqual(expect.arrayContaining(['OidcExchangeStoreUnreachable', 'OidcExchangeSecretBackendFailing', 'OidcExchangeConfigReloadFailed', 'OidcExchangeTlsCertificateExpiring', 'OidcExchangeRevocationFailing']));
  });

  it('pass promtool check rules', () => {
    const out = execFileSync('promtool', ['check', 'rules', 'ops/prometheus/alerts.yml'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toMatch(new RegExp(`SUCCESS: ${all.length} rules found`));
  });

  it('fire as their unit tests expect (promtool test rules)', () => {
    const out = execFileSync('promtool', ['test', 'rules', 'ops/prometheus/alerts.test.yml'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toContain('SUCCESS');
  });
});
