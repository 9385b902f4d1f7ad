// The status page's model: one snapshot of what the broker is doing, served as JSON (/-/status.json) and
// rendered as HTML (page.ts) from the same object, so the two cannot disagree. Built from what the broker
// already keeps (the issuers' key sets, the lint findings of the served configuration, the refusal log, the
// dependencies' last events, the metrics' counters); the only work it does is one store ping, timed, as
// /readyz does. Nothing in it is a secret value or a token: names, ids, counts, times and error messages.
import type { BrokerConfig } from '../config/load.js';
import { quotaSnapshots } from '../github/pool.js';
import type { LintFinding } from '../lint/finding.js';
import type { BrokerMetrics } from '../metrics.js';
import { describeStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { HealthRecorder } from './health.js';
import type { Refusal, RefusalLog } from './refusals.js';

export interface StatusSources {
  config: BrokerConfig;
  /** The served generation's issuer key sets. */
  keys: Iterable<{ status(): { id: string; usable: boolean; keys: number; fetchedAgeSeconds: number | null; lastError?: string }; details(): { issuer: string; jwksUri?: string; keyIds: string[]; discovered: boolean } }>;
  /** 1 for the configuration the broker started with, one more per reload. */
  generation: number;
  store: Store;
  metrics: BrokerMetrics;
  refusals: RefusalLog;
  health: HealthRecorder;
  version: string;
  now: () => number;
}

export interface IssuerStatus {
  id: string;
  issuer: string;
  usable: boolean;
  /** Discovery and the JWKS are fetched together: one age for both (null: never fetched). */
  keys_age_seconds: number | null;
  key_ids: string[];
  jwks_uri: string | null;
  discovered: boolean;
  last_error: string | null;
}

export interface FindingStatus {
  rule: string;
  severity: 'error' | 'warning';
  path: string;
  message: string;
  /** The operator's reason when the policy accepts the risk with `allow_risky`. */
  overridden: string | null;
}

export interface PolicyStatus {
  name: string;
  issuer: string;
  secrets: string[];
  single_use: boolean;
  findings: FindingStatus[];
}

export interface Status {
  version: string;
  generated_at: string;
  configuration: { generation: number; last_reload_failed: boolean; findings: FindingStatus[] };
  issuers: IssuerStatus[];
  policies: PolicyStatus[];
  refusals: Refusal[];
  store: { kind: string; where: string; up: boolean; latency_ms: number; last_error: string | null; last_error_at: string | null };
  backends: Array<{
    kind: string;
    name: string;
    origin: string;
    fetched: number;
    hits: number;
    errors: number;
    /** How long the last value fetched from the backend took (null: none fetched yet). */
    last_fetch_ms: number | null;
    last_ok_at: string | null;
    last_error_at: string | null;
    last_error: string | null;
  }>;
  /** Each GitHub App's quota as GitHub last reported it (pools included): what decides whether jobs get tokens. */
  github_apps: Array<{
    app: string;
    installation: string | null;
    /** null until GitHub sent its rate-limit headers (GitHub Enterprise Server with limits off never does). */
    limit: number | null;
    remaining: number | null;
    reset_at: string | null;
    /** Until when the broker sends this App nothing, and why: GitHub's retry-after (secondary), a spent hour (primary), or a wait another instance learned (shared). */
    blocked_until: string | null;
    blocked_by: 'primary' | 'secondary' | 'shared' | null;
    in_flight: number;
    queued: number;
  }>;
  revocations: { enabled: boolean; revoked: number; already: number; unknown: number; failed: number };
  exchanges: { granted: number; denied: number; error: number };
}

export async function buildStatus(s: StatusSources): Promise<Status> {
  const started = process.hrtime.bigint();
  const up = await s.store.ping();
  const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const findings = s.config.lintFindings;
  return {
    version: s.version,
    generated_at: new Date(s.now()).toISOString(),
    configuration: {
      generation: s.generation,
      last_reload_failed: (await gaugeValue(s.metrics.reloadFailing)) === 1,
      findings: findings.filter((f) => f.policy === undefined).map(finding),
    },
    issuers: [...s.keys].map((k) => {
      const st = k.status();
      const d = k.details();
      return {
        id: st.id,
        issuer: d.issuer,
        usable: st.usable,
        keys_age_seconds: st.fetchedAgeSeconds,
        key_ids: d.keyIds,
        jwks_uri: d.jwksUri ?? null,
        discovered: d.discovered,
        last_error: st.lastError ?? null,
      };
    }),
    policies: s.config.policies.map((p) => ({
      name: p.name,
      issuer: p.issuer,
      secrets: [...p.secrets],
      single_use: p.singleUse !== false,
      findings: findings.filter((f) => f.policy === p.name).map(finding),
    })),
    refusals: s.refusals.list(),
    store: {
      kind: s.store.kind,
      where: describeStore(s.config.store),
      up,
      latency_ms: Math.round(latencyMs * 100) / 100,
      last_error: s.health.storeError?.message ?? null,
      last_error_at: s.health.storeError?.at ?? null,
    },
    backends: s.config.backends.all().map((b) => {
      const h = s.health.backend(b.kind, b.name);
      return {
        kind: b.kind,
        name: b.name,
        origin: b.origin,
        fetched: h?.fetched ?? 0,
        hits: h?.hits ?? 0,
        errors: h?.errors ?? 0,
        last_fetch_ms: h?.lastFetchMs ?? null,
        last_ok_at: h?.lastOkAt === undefined ? null : new Date(h.lastOkAt).toISOString(),
        last_error_at: h?.lastErrorAt === undefined ? null : new Date(h.lastErrorAt).toISOString(),
        last_error: h?.lastError ?? null,
      };
    }),
    github_apps: quotaSnapshots(s.config.githubApps).map((q) => ({
      app: q.app,
      installation: q.installation ?? null,
      limit: q.limit ?? null,
      remaining: q.remaining ?? null,
      reset_at: q.resetAt === undefined ? null : new Date(q.resetAt * 1000).toISOString(),
      blocked_until: q.blockedUntil === undefined ? null : new Date(q.blockedUntil * 1000).toISOString(),
      blocked_by: q.blockedBy ?? null,
      in_flight: q.inFlight,
      queued: q.queued,
    })),
    revocations: { enabled: s.config.revocation !== undefined, ...(await counts(s.metrics.revocations, 'result', ['revoked', 'already', 'unknown', 'failed'])) },
    exchanges: await counts(s.metrics.exchanges, 'outcome', ['granted', 'denied', 'error']),
  };
}

function finding(f: LintFinding): FindingStatus {
  return { rule: f.rule, severity: f.severity, path: f.path, message: f.message, overridden: f.overridden ?? null };
}

type Readable = { get(): Promise<{ values: Array<{ value: number; labels: Partial<Record<string, string | number>> }> }> };

/** A counter's total per value of one label (the other labels summed). */
async function counts<K extends string>(metric: Readable, label: string, keys: readonly K[]): Promise<Record<K, number>> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of (await metric.get()).values) {
    const k = v.labels[label] as K;
    if (keys.includes(k)) out[k] += v.value;
  }
  return out;
}

async function gaugeValue(metric: Readable): Promise<number | undefined> {
  return (await metric.get()).values[0]?.value;
}
