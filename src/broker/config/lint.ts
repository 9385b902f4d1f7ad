// The trust-policy lint as a step of the load (docs/policies.md, "Safe policies"): an error stops the load
// unless its policy overrides the rule with a reason; warnings and overridden errors are kept for the
// start-up log and `check --lint`.
import type { LintFinding } from '../lint/finding.js';
import { describeBlocking, isBlocking, lintConfig } from '../lint/index.js';
import type { SectionContext } from './section.js';

/** The findings the configuration loads with; the blocking ones (unless `enforceLint` is off) become problems. */
export function lintPolicies(raw: unknown, ctx: SectionContext): LintFinding[] {
  const lint = lintConfig(raw, ctx.options.numberSources);
  ctx.problems.push(...lint.problems);
  const enforce = ctx.options.enforceLint !== false;
  if (enforce) ctx.problems.push(...lint.findings.filter(isBlocking).map(describeBlocking));
  return enforce ? lint.findings.filter((f) => !isBlocking(f)) : lint.findings;
}
