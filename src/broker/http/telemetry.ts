// How the broker's parts report to its log and metrics: the shared store (reachable or not, its errors) and
// the secret backends (each value fetched, logins, renewals, failures), and the status page's record of both
// (../status/health.ts). Never a secret: the parts report names, kinds and outcomes only.
import type { Logger } from 'pino';
import type { QuotaEvents } from '../github/quota.js';
import type { BrokerMetrics } from '../metrics.js';
import type { BackendEvents } from '../sources/backend.js';
import type { HealthRecorder } from '../status/health.js';
import { createStore, type StoreSpec } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../verify/issuer-keys.js';

export function backendEvents(metrics: BrokerMetrics, log: Logger): BackendEvents {
  return {
    onFetch: (kind: string, backend: string, outcome: string) => metrics.secretFetches.inc({ kind, backend, outcome }),
    onEvent: (level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string) => log[level](fields, message),
  };
}

/** The store the broker uses for its whole life (changing it needs a restart), its state in the log and metrics. */
export function openStore(spec: StoreSpec, now: Clock | undefined, metrics: BrokerMetrics, log: Logger, health?: HealthRecorder): Store {
  let lastStoreError: string | undefined;
  const store = createStore(spec, now, {
    onStateChange(up) {
      metrics.storeUp.set(up ? 1 : 0);
      health?.storeState(up, up ? undefined : lastStoreError);
      if (up) lastStoreError = undefined;
      if (up) log.info({ event: 'store_up', store: store.kind }, 'store reachable');
      else log.warn({ event: 'store_down', store: store.kind }, 'store unreachable: single-use policies answer 503 until it returns');
    },
    onError(message) {
      // Reconnect attempts repeat the same error every second: log each distinct one once per outage.
      if (message === lastStoreError) return;
      lastStoreError = message;
      health?.storeState(false, message);
      log.warn({ event: 'store_error', store: store.kind, detail: message }, 'store error');
    },
    onOperationError(operation) {
      metrics.storeErrors.inc({ operation });
    },
  });
  metrics.storeUp.set(store.kind === 'memory' ? 1 : 0);
  return store;
}

/** Where the GitHub Apps' quota figures go: the metrics, and a warning in the log when one runs low. */
export function githubQuotaEvents(metrics: BrokerMetrics, log: Logger): QuotaEvents {
  return {
    onQuota(q) {
      // Until the installation is known the figures would make a second series for the same quota.
      if (!q.installation || q.limit === undefined) return;
      const labels = { app: q.app, installation: q.installation };
      metrics.githubRemaining.set(labels, q.remaining ?? q.limit);
      metrics.githubLimit.set(labels, q.limit);
      if (q.resetAt !== undefined) metrics.githubReset.set(labels, q.resetAt);
    },
    onLow(q) {
      log.warn(
        { event: 'github_quota_low', app: q.app, installation: q.installation, remaining: q.remaining, limit: q.limit, reset_at: q.resetAt },
        `GitHub App ${q.app}: ${q.remaining} of ${q.limit} requests left until ${q.resetAt === undefined ? 'the reset' : new Date(q.resetAt * 1000).toISOString()}; exchanges needing its tokens will be answered 503 once none are left`,
      );
    },
    onRateLimited(app, kind, retryAfter) {
      metrics.githubRateLimited.inc({ app, kind });
      log.warn({ event: 'github_rate_limited', app, kind, retry_after: retryAfter }, `GitHub refused GitHub App ${app} for its ${kind} rate limit; the broker sends nothing for it for ${retryAfter} s`);
    },
    onRefused(app, reason) {
      metrics.githubRefused.inc({ app, reason });
    },
  };
}
