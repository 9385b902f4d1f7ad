// GitHub's custom-property claims (`repo_property_<name>`, GA 2026-03-12): attribute-based policies are
// welcome, but GitHub writes every value as a string and a multi-select property as its values joined by
// commas, so a condition comparing such a claim with a comma-joined literal holds only for exactly that
// selection in that order. The rule says so and suggests a pattern for the one value meant.
import { isRepoPropertyClaim } from '../../platform/claims.js';
import { literalOf } from './matchers.js';
import { eachPolicy, type LintRule } from './model.js';

/** A pattern that accepts a comma-joined list holding `value` (regex metacharacters escaped). */
function oneValuePattern(value: string): string {
  return `(.*,)?${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,.*)?`;
}

const repoPropertyEquality: LintRule = {
  id: 'repo-property-equality',
  severity: 'warning',
  risk: 'a multi-select custom property reaches the token as its values joined by commas (repo_property_regions: "us-east-1,eu-west-1"): equality with such a list holds only while exactly those values are selected, in that order',
  fix: 'match the one value that matters with a pattern, e.g. { pattern: "(.*,)?us-east-1(,.*)?" }',
  overridable: true,
  check: eachPolicy((p) => {
    if (p.issuer?.kind !== 'github') return [];
    return p.conditions
      .filter((c) => isRepoPropertyClaim(c.claim))
      .flatMap((c) => c.entries)
      .flatMap((e) => {
        const lit = literalOf(e.matcher);
        if (lit === undefined || !lit.includes(',')) return [];
        const first = lit.split(',')[0]!;
        return [{ path: e.path, message: `compares a comma-joined list ${JSON.stringify(lit)} for equality; to require one value, match { pattern: ${JSON.stringify(oneValuePattern(first))} }` }];
      });
  }),
};

export const propertyRules = { repoPropertyEquality };
