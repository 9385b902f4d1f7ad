// Conditions written in a shape the platform never sends: GitHub's `ref` is `refs/heads/main` where GitLab's is
// `main`, `ref_type` is `branch` or `tag`, and `sub` is built by the platform. Such a value never matches, so
// the policy is silently dead (or one of its entries is), and the usual "fix" of loosening it to a wildcard
// until it matches admits more than meant. The shapes come from the claim catalogue (src/platform/claims.ts);
// the kind is the issuer's declared or evident one, never a guess.
import { claimFormat, type ClaimFormat } from '../../platform/claims.js';
import { literalOf, literalPrefix } from './matchers.js';
import { eachPolicy, type LintEntry, type LintRule } from './model.js';
import { alternativePrefixes } from './pattern-syntax.js';

/** Why this entry can never accept a value of the platform's shape, or undefined when it might. */
function neverAccepts(e: LintEntry, format: ClaimFormat): string | undefined {
  const literal = literalOf(e.matcher);
  if (literal !== undefined) {
    if (format.accepts(literal)) return undefined;
    const meant = format.suggest?.(literal);
    return `${JSON.stringify(literal)} never matches${meant ? `; write ${JSON.stringify(meant)}` : ''}`;
  }
  // A finite set: ask the broker's own matcher about every member.
  if (format.values) return format.values.some((v) => e.matcher.test(v)) ? undefined : `${JSON.stringify(e.matcher.source)} accepts none of them`;
  if (!format.startsPossible) return undefined;
  const starts = e.matcher.kind === 'pattern' ? alternativePrefixes(e.matcher.source) : [literalPrefix(e.matcher)];
  if (starts === undefined || starts.some((s) => format.startsPossible!(s))) return undefined;
  return `${JSON.stringify(e.matcher.source)} never matches (every value it accepts starts with ${starts.map((s) => JSON.stringify(s)).join(' or ')})`;
}

const neverMatches: LintRule = {
  id: 'never-matches',
  severity: 'warning',
  risk: "a condition value in a shape the platform never sends (GitHub's ref is refs/heads/main, GitLab's is main; ref_type is branch or tag; sub is built by the platform) never matches: the policy or that entry is dead, and loosening it until it matches admits more than meant",
  fix: 'write the value as the platform sends it (`oidc-exchange check --token` shows a real token\'s claims)',
  overridable: true,
  check: eachPolicy((p) => {
    const kind = p.issuer?.kind;
    if (kind === undefined || kind === 'unknown') return [];
    const platform = kind === 'github' ? 'GitHub' : 'GitLab';
    return p.conditions.flatMap((c) => {
      const format = claimFormat(kind, c.claim);
      if (!format) return [];
      const dead = c.entries.flatMap((e) => {
        const why = neverAccepts(e, format);
        return why === undefined ? [] : [{ e, why }];
      });
      const whole = dead.length === c.entries.length;
      return dead.map(({ e, why }) => ({
        path: e.path,
        message: `${platform} sends ${c.claim} as ${format.shape}: ${why}${whole ? `, so policy ${p.name} never matches` : ''}`,
      }));
    });
  }),
};

export const formatRules = { neverMatches };
