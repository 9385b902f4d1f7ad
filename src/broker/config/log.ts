// What the broker says about a configuration it starts or reloads with: one summary line, and each finding
// of the trust-policy linter that the configuration loads with (warnings, overridden errors). Shared by the
// start-up and every reload, so both read the same in the log.
import type { Logger } from 'pino';
import type { BrokerConfig } from './load.js';
import type { LintFinding } from '../lint/finding.js';

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
