// What the trust-policy linter reports about a configuration. The type lives on its own so the config
// loader, the broker's start-up and reload, and `check --lint` can share it without loading the rules.

export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  /** Stable rule id, e.g. `github-any-repository` (see docs/policies.md, "Safe policies"). */
  rule: string;
  severity: LintSeverity;
  /** The policy's name, when the finding is about one policy. */
  policy?: string;
  /** Where in the configuration file, e.g. `policies[0].claims.repository`. */
  path: string;
  /** Why it is risky, in the operator's terms. */
  message: string;
  /** What to change. */
  fix: string;
  /** Set when the policy overrides this rule with `allow_risky`: the operator's reason. */
  overridden?: string;
}
