// Prometheus metrics, one registry per broker instance (tests run several brokers in one process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface BrokerMetrics {
  registry: Registry;
  exchanges: Counter<'outcome' | 'code' | 'issuer'>;
  exchangeSeconds: Histogram<'outcome'>;
  keyFetches: Counter<'issuer' | 'outcome'>;
  storeUp: Gauge;
  storeErrors: Counter<'operation'>;
  rateLimitSkipped: Counter;
  tokenReleases: Counter<'outcome'>;
  secretFetches: Counter<'kind' | 'backend' | 'outcome'>;
  reloads: Counter<'outcome'>;
  configLoaded: Gauge;
  reloadFailing: Gauge;
  tlsNotAfter: Gauge;
  revocations: Counter<'result'>;
  githubRemaining: Gauge<'app' | 'installation'>;
  githubLimit: Gauge<'app' | 'installation'>;
  githubReset: Gauge<'app' | 'installation'>;
  githubRateLimited: Counter<'app' | 'kind'>;
  githubRefused: Counter<'app' | 'reason'>;
}

export function createMetrics(opts: { processMetrics?: boolean } = {}): BrokerMetrics {
  const registry = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'oidc_exchange_' });
  return {
    registry,
    exchanges: new Counter({
      name: 'oidc_exchange_exchanges_total',
      help: 'Token exchanges by outcome (granted, denied, error) and error code (none when granted).',
      labelNames: ['outcome', 'code', 'issuer'],
      registers: [registry],
    }),
    exchangeSeconds: new Histogram({
      name: 'oidc_exchange_exchange_duration_seconds',
      help: 'Time to answer POST /v1/exchange, from request to response.',
      labelNames: ['outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    keyFetches: new Counter({
      name: 'oidc_exchange_key_fetches_total',
      help: 'Fetches of an issuer discovery document or JWKS, by issuer id and outcome (ok, error).',
      labelNames: ['issuer', 'outcome'],
      registers: [registry],
    }),
    storeUp: new Gauge({
      name: 'oidc_exchange_store_up',
      help: 'Whether the shared store (used token IDs, issuance records, rate limits) is reachable: 1 or 0.',
      registers: [registry],
    }),
    storeErrors: new Counter({
      name: 'oidc_exchange_store_errors_total',
      help: 'Store operations that failed (each answered 503 upstream_unavailable, or skipped for rate limits), by operation.',
      labelNames: ['operation'],
      registers: [registry],
    }),
    rateLimitSkipped: new Counter({
      name: 'oidc_exchange_rate_limit_skipped_total',
      help: 'Exchanges let through without a rate-limit count because the store was unreachable.',
      registers: [registry],
    }),
    tokenReleases: new Counter({
      name: 'oidc_exchange_token_releases_total',
      help: 'Single-use tokens given back after a failure of the broker (released), or that stayed spent because the store failed too (failed).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    secretFetches: new Counter({
      name: 'oidc_exchange_secret_fetches_total',
      help: 'Values asked of a secret backend, by kind, backend name and outcome (hit: from the cache, fetched, error).',
      labelNames: ['kind', 'backend', 'outcome'],
      registers: [registry],
    }),
    reloads: new Counter({
      name: 'oidc_exchange_config_reloads_total',
      help: 'Configuration reloads (SIGHUP, POST /-/reload) by outcome: success, or failure (the previous configuration keeps serving).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    configLoaded: new Gauge({
      name: 'oidc_exchange_config_loaded_timestamp_seconds',
      help: 'When the configuration being served was loaded (Unix time).',
      registers: [registry],
    }),
    reloadFailing: new Gauge({
      name: 'oidc_exchange_config_last_reload_failed',
      help: '1 when the last reload was refused (the file on disk is not what is served), else 0.',
      registers: [registry],
    }),
    // Registered only while the broker serves TLS (showTlsExpiry): an unlabelled gauge that was never set is
    // exported as 0, and "expires at 1970" made the expiry alert fire forever on every broker behind a proxy.
    tlsNotAfter: new Gauge({
      name: 'oidc_exchange_tls_certificate_expiry_timestamp_seconds',
      help: 'When the certificate the broker serves expires (Unix time); absent without listen.tls.',
      registers: [],
    }),
    revocations: new Counter({
      name: 'oidc_exchange_revoked_tokens_total',
      help: 'Tokens named in revocation batches, by result: revoked, already (revoked before or already dead), unknown (never issued here), failed.',
      labelNames: ['result'],
      registers: [registry],
    }),
    // The GitHub quota series appear once GitHub has answered with its rate-limit headers: a broker without
    // GitHub Apps, or against a GitHub Enterprise Server with rate limits off, exports none (no alert on 0).
    githubRemaining: new Gauge({
      name: 'oidc_exchange_github_rate_limit_remaining',
      help: "Requests GitHub says the App may still make in the current hour (x-ratelimit-remaining), by app and installation.",
      labelNames: ['app', 'installation'],
      registers: [registry],
    }),
    githubLimit: new Gauge({
      name: 'oidc_exchange_github_rate_limit_limit',
      help: 'Requests GitHub allows the App an hour (x-ratelimit-limit), by app and installation.',
      labelNames: ['app', 'installation'],
      registers: [registry],
    }),
    githubReset: new Gauge({
      name: 'oidc_exchange_github_rate_limit_reset_timestamp_seconds',
      help: "When GitHub resets the App's hourly quota (x-ratelimit-reset, Unix time), by app and installation.",
      labelNames: ['app', 'installation'],
      registers: [registry],
    }),
    githubRateLimited: new Counter({
      name: 'oidc_exchange_github_rate_limited_total',
      help: 'Answers in which GitHub refused the App for a rate limit, by app and kind (primary, secondary). Should stay 0.',
      labelNames: ['app', 'kind'],
      registers: [registry],
    }),
    githubRefused: new Counter({
      name: 'oidc_exchange_github_requests_held_total',
      help: "Requests to GitHub the broker did not send to keep to GitHub's limits (answered 503 with Retry-After), by app and reason (exhausted, retry_after, points, queue_timeout).",
      labelNames: ['app', 'reason'],
      registers: [registry],
    }),
  };
}

/** Exports the served certificate's expiry, or nothing at all when the broker serves no TLS. */
export function showTlsExpiry(metrics: BrokerMetrics, notAfter: Date | undefined): void {
  const { registry, tlsNotAfter } = metrics;
  const name = 'oidc_exchange_tls_certificate_expiry_timestamp_seconds';
  if (!notAfter) {
    registry.removeSingleMetric(name);
    return;
  }
  if (!registry.getSingleMetric(name)) registry.registerMetric(tlsNotAfter);
  tlsNotAfter.set(Math.floor(notAfter.getTime() / 1000));
}
