// What the broker says about a configuration it starts or reloads with: one summary line, each finding of the
// trust-policy linter that the configuration loads with (warnings, overridden errors), and each GitHub App's
// key fingerprint. Shared by the start-up and every reload, so both read the same in the log.
import type { Logger } from 'pino';
import type { BrokerConfig } from './load.js';
import type { LintFinding } from '../lint/finding.js';
import type { GitHubApp } from '../github/app.js';
import { poolOf } from '../github/pool.js';
import type { RevocationSettings } from '../revocation.js';

export function logLintFindings(log: Logger, findings: readonly LintFinding[]): void {
  for (const f of findings) {
    log.warn(
      { event: 'policy_lint', rule: f.rule, severity: f.severity, policy: f.policy, path: f.path, overridden: f.overridden },
      f.overridden ? `policy lint: ${f.rule} at ${f.path} overridden (${f.overridden})` : `policy lint: ${f.rule} at ${f.path}: ${f.message}`,
    );
  }
}

/** The names and sources a configuration serves (never a value). */
export function configSummary(config: BrokerConfig): Record<string, unknown> {
  return {
    issuers: config.issuers.map((i) => i.id),
    policies: config.policies.length,
    secrets: [...config.secrets.values()].map((s) => ({ name: s.name, source: s.kind })),
    backends: config.backends.all().map((b) => ({ kind: b.kind, name: b.name, origin: b.origin })),
  };
}

/**
 * One start-up line per GitHub App with its key's fingerprint, in the form GitHub's app settings page shows
 * ("SHA256:..."), so an operator can match the configured key against the keys registered on the app.
 */
export function logGitHubApps(config: { githubApps: ReadonlyMap<string, GitHubApp>; revocation?: RevocationSettings }, log: Logger): void {
  for (const app of [...config.githubApps.values()].flatMap(poolOf)) {
    const s = app.settings;
    log.info(
      { event: 'github_app', app: s.name, issuer: s.issuer, owner: s.owner, api_url: s.apiUrl, key: s.keyOrigin, key_fingerprint: app.fingerprint ?? null },
      app.fingerprint
        ? `GitHub App ${s.name}: private key fingerprint ${app.fingerprint} (compare with the app's settings page)`
        : `GitHub App ${s.name}: no private key loaded (${s.keyOrigin})`,
    );
  }
  if (config.revocation) {
    const r = config.revocation;
    log.info(
      { event: 'revocation_api', token: r.tokenOrigin, tokens_loaded: r.tokens?.length ?? 0, rate_limit: r.rateLimit },
      `Token Revocation API enabled (${r.rateLimit.requests} requests per ${r.rateLimit.perSeconds} s)`,
    );
  }
}
