// The trust-policy linter: the ranked rules (docs/policies.md, "Safe policies"), applied to a configuration,
// with each policy's `allow_risky` overrides. The config loader runs it on every load (start-up and reload):
// an `error` finding that its policy does not override stops the load. `check --lint` reports everything.
import { contextRules as c } from './rules-context.js';
import { configRules as g } from './rules-config.js';
import { formatRules as f } from './rules-formats.js';
import { identityRules as i } from './rules-identity.js';
import { propertyRules as r } from './rules-properties.js';
import type { LintFinding } from './finding.js';
import { lintModel, type LintRule } from './model.js';

/** Every rule, in rank order: the order findings are reported in and the docs list them in. */
export const RULES: readonly LintRule[] = [
  i.githubAnyRepository,
  i.gitlabAnyProject,
  i.ownerWildcard,
  g.patternEscapesAnchor,
  i.reusableWorkflowAnyCaller,
  c.untrustedTriggerEvent,
  g.audienceNotUnique,
  i.nameOnlyIdentity,
  c.gitlabUnprotectedRef,
  c.githubAnyRef,
  c.subContextWildcard,
  c.pullRequestGrant,
  c.baseRefWithoutEvent,
  c.environmentWildcard,
  c.productionWithoutEnvironment,
  i.orgWideGrant,
  c.selfHostedRunner,
  i.gitlabJobProjectClaim,
  c.jobWorkflowRefUnpinned,
  g.shadowedPolicy,
  c.mutableUserClaim,
  g.unescapedRegexDot,
  i.subOnlyIdentity,
  i.workflowRefCrossRepo,
  g.replayAllowed,
  i.unsafeNumericId,
  i.caseVariantName,
  // Not in the ranked table of 27: a claim the issuer never emits (a typo) makes a policy dead, not wider.
  i.unknownClaim,
  // Neither: a condition on a multi-select custom property that holds for one exact selection only.
  r.repoPropertyEquality,
  // Not in the ranked table either: the kind-independent floor under rules 1 and 2 (issue 18).
  i.noIdentityClaim,
  // Nor this: a value in a shape the platform never sends (GitHub's `ref: main`) makes a policy dead (issue 18).
  f.neverMatches,
  // Nor this: plain HTTP beyond loopback, trusting a proxy to be the only way in (issue 19).
  g.plainHttpBeyondLoopback,
];

export function ruleById(id: string): LintRule | undefined {
  return RULES.find((r) => r.id === id);
}

export interface LintResult {
  /** Every finding, in rule rank order; overridden ones carry the operator's reason. */
  findings: LintFinding[];
  /** Problems with the `allow_risky` entries themselves (unknown rule, missing reason): configuration errors. */
  problems: string[];
}

/**
 * Lints a raw configuration (the parsed YAML). `numberSources` says how the file wrote each number under
 * `policies[*].claims` (see config.ts), so IDs that YAML rounded can be named as written.
 */
export function lintConfig(raw: unknown, numberSources?: ReadonlyMap<string, string>): LintResult {
  const cfg = lintModel(raw, numberSources);
  const problems: string[] = [];
  for (const p of cfg.policies) {
    p.overrides.forEach((o, k) => {
      const at = `${p.path}.allow_risky[${k}]`;
      const rule = ruleById(o.rule);
      if (!rule) problems.push(`${at}.rule: ${JSON.stringify(o.rule)} is not a lint rule (the rules: docs/policies.md, "Safe policies")`);
      else if (!rule.overridable) problems.push(`${at}.rule: ${o.rule} cannot be overridden: ${rule.fix}`);
      if (o.reason.trim().length === 0) problems.push(`${at}.reason: say why the risk is acceptable; the reason is logged at start-up`);
    });
  }
  const findings: LintFinding[] = [];
  for (const rule of RULES) {
    for (const hit of rule.check(cfg)) {
      const override = rule.overridable ? hit.policy?.overrides.find((o) => o.rule === rule.id && o.reason.trim()) : undefined;
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        ...(hit.policy ? { policy: hit.policy.name } : {}),
        path: hit.path,
        message: `${hit.message}. ${rule.risk[0]!.toUpperCase()}${rule.risk.slice(1)}`,
        fix: rule.fix,
        ...(override ? { overridden: override.reason } : {}),
      });
    }
  }
  return { findings, problems };
}

/** An error that stops the load: not overridden by its policy. */
export function isBlocking(f: LintFinding): boolean {
  return f.severity === 'error' && f.overridden === undefined;
}

/** A blocking finding as a configuration problem line: path, rule, policy, why, the fix, and the way out. */
export function describeBlocking(f: LintFinding): string {
  const overridable = ruleById(f.rule)?.overridable && f.policy !== undefined;
  return `${f.path}: ${f.rule}${f.policy ? ` in policy ${f.policy}` : ''}: ${f.message}. Fix: ${f.fix}${
    overridable ? `. To accept the risk, add to the policy: allow_risky: [{ rule: ${f.rule}, reason: "..." }]` : ''
  }`;
}
