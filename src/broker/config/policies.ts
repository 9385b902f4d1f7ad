// The `policies` section: who gets which secrets. Each policy names a configured issuer and configured
// secrets, and every claim condition must compile (a regex that compiles, a number YAML did not round);
// policies that do are compiled once here and matched by pure functions at exchange time (policy/policy.ts).
import { compileMatcher, compilePolicy, numberProblem, type Policy, type PolicySpec } from '../policy/policy.js';
import type { IssuerSettings } from '../verify/issuer-keys.js';
import { isObject, list, type SectionContext } from './section.js';

export interface PoliciesDeps {
  issuers: readonly IssuerSettings[];
  /** The raw `secrets` section: a policy may name only the secrets it defines. */
  secretsSection: unknown;
}

export function loadPolicies(raw: unknown, ctx: SectionContext, { issuers, secretsSection }: PoliciesDeps): Policy[] {
  const issuerIds = new Set(issuers.map((i) => i.id));
  const names = new Set<string>();
  const policies: Policy[] = [];
  list(raw).forEach((p, n) => {
    const at = `policies[${n}]`;
    if (!isObject(p) || typeof p.name !== 'string' || typeof p.issuer !== 'string' || !isObject(p.claims)) return;
    if (names.has(p.name)) ctx.problems.push(`${at}.name: duplicate policy name ${JSON.stringify(p.name)}`);
    names.add(p.name);
    if (!issuerIds.has(p.issuer)) {
      ctx.problems.push(`${at}.issuer: ${JSON.stringify(p.issuer)} is not an issuer id (known: ${[...issuerIds].join(', ')})`);
    }
    list(p.secrets).forEach((s, k) => {
      if (typeof s === 'string' && !(isObject(secretsSection) && Object.hasOwn(secretsSection, s))) ctx.problems.push(`${at}.secrets[${k}]: ${JSON.stringify(s)} is not defined under secrets`);
    });
    let ok = true;
    for (const [claim, spec] of Object.entries(p.claims)) {
      (Array.isArray(spec) ? spec : [spec]).forEach((m, k) => {
        const entry = `${at}.claims.${claim}${Array.isArray(spec) ? `[${k}]` : ''}`;
        // A condition of the wrong shape (null, a list inside a list, a mapping without `pattern`) is the
        // schema's to report, with its path; compiling it would only add a JavaScript error to the list.
        if (!isMatcherSpec(m)) {
          ok = false;
          return;
        }
        try {
          // A number is checked as the file wrote it: YAML has already rounded 9007199254740993.
          const numeric = typeof m === 'number' ? numberProblem(m, ctx.options.numberSources?.get(entry)) : undefined;
          if (numeric) throw new Error(numeric);
          compileMatcher(m);
        } catch (e) {
          ok = false;
          ctx.problems.push(`${entry}: ${(e as Error).message}`);
        }
      });
    }
    if (ok && Object.keys(p.claims).length > 0 && Array.isArray(p.secrets)) {
      policies.push({ ...compilePolicy(p as unknown as PolicySpec), singleUse: (p.single_use as boolean | undefined) ?? true });
    }
  });
  return policies;
}

/** The shapes compileMatcher takes; anything else is reported by the schema. */
function isMatcherSpec(m: unknown): boolean {
  return typeof m === 'string' || typeof m === 'number' || typeof m === 'boolean' || (isObject(m) && typeof m.pattern === 'string');
}
