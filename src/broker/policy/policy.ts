// Trust policies: compiled once at start-up, matched by pure functions (no I/O), so the same code answers
// the broker's exchanges and the `check` command.

export type MatcherSpec = string | number | boolean | { pattern: string };
export type ClaimSpec = MatcherSpec | MatcherSpec[];

/** An operator's decision to run a policy despite an `error` lint finding: the rule's id and why. */
export interface RiskOverride {
  rule: string;
  reason: string;
}

export interface PolicySpec {
  name: string;
  issuer: string;
  claims: Record<string, ClaimSpec>;
  secrets: string[];
  single_use?: boolean;
  allow_risky?: RiskOverride[];
}

export interface Matcher {
  kind: 'exact' | 'glob' | 'pattern';
  source: string;
  test: (value: string) => boolean;
}

export interface Condition {
  claim: string;
  matchers: Matcher[];
}

export interface Policy {
  name: string;
  issuer: string;
  conditions: Condition[];
  secrets: readonly string[];
  /** Refuse a second exchange of the same token (issuer + jti). Absent means true. */
  singleUse?: boolean;
}

export type Claims = Record<string, unknown>;

export interface ConditionFailure {
  claim: string;
  reason: 'missing' | 'not_a_string' | 'mismatch';
  /** The token's own value for the claim (safe to show to that token's holder). */
  actual?: string;
  /** What the policy expected: for the policy's owner only (`check`), never sent to a client. */
  expected: string[];
}

export interface PolicyEvaluation {
  policy: Policy;
  issuerMatches: boolean;
  failures: ConditionFailure[];
  matched: boolean;
}

const GLOB_CHARS = /[*?]/;

/**
 * Glob: `*` matches any run of characters except `/`, `**` matches anything, `?` one character except `/`.
 * Everything else is literal. Compiled to an anchored regular expression.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else {
      out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^(?:${out})$`, 's');
}

/** Why a `{pattern}` cannot be used, or undefined when it can. */
export function patternProblem(pattern: string): string | undefined {
  // The pattern must be a regular expression on its own before it is wrapped: `a)|(b` does not compile alone,
  // but `^(?:a)|(b)$` does, and its `(b)$` half matches every value ending in b (`()$`: every value at all).
  try {
    new RegExp(pattern, 'su');
  } catch (e) {
    const escapes = (() => {
      try {
        new RegExp(`^(?:${pattern})$`, 'su');
        return true;
      } catch {
        return false;
      }
    })();
    const why = (e as Error).message.replace(/^Invalid regular expression: \/.*\/su: /, '');
    return escapes
      ? `invalid regular expression ${JSON.stringify(pattern)}: ${why}; wrapped in ^(?:...)$ it would close the anchor group and match values it should not (pattern-escapes-anchor): balance its parentheses`
      : `invalid regular expression ${JSON.stringify(pattern)}: ${why}`;
  }
  return undefined;
}

/**
 * Why a number in a claim condition cannot be used, or undefined when it can. `source` is how the number
 * was written in the file, when known: YAML reads `0x10` as 16 and `9007199254740993` as 9007199254740992,
 * so neither would be compared with the text the operator wrote.
 */
export function numberProblem(value: number, source?: string): string | undefined {
  const written = source ?? String(value);
  if (!Number.isSafeInteger(value)) {
    const read = Number.isFinite(value) ? `reads it as ${String(value)}` : 'cannot read it as a whole number';
    return `${written} is not a whole number that YAML can hold exactly (YAML ${read}): quote it, e.g. "${written}"`;
  }
  if (source !== undefined && !/^-?(0|[1-9][0-9]*)$/.test(source)) {
    return `${source} is not written in plain decimal (YAML reads it as ${String(value)}, and claims are compared as text): quote it, e.g. "${source}"`;
  }
  return undefined;
}

/** Compiles one matcher; throws with a message naming the problem (the caller adds the path). */
export function compileMatcher(spec: MatcherSpec): Matcher {
  if (typeof spec === 'object') {
    const problem = patternProblem(spec.pattern);
    if (problem) throw new Error(problem);
    // Anchored as a group so an alternation in the pattern cannot escape the anchors.
    const re = new RegExp(`^(?:${spec.pattern})$`, 'su');
    return { kind: 'pattern', source: spec.pattern, test: (v) => re.test(v) };
  }
  if (typeof spec === 'number') {
    const problem = numberProblem(spec);
    if (problem) throw new Error(problem);
  }
  const text = String(spec);
  if (typeof spec === 'string' && GLOB_CHARS.test(spec)) {
    const re = globToRegExp(spec);
    return { kind: 'glob', source: text, test: (v) => re.test(v) };
  }
  return { kind: 'exact', source: text, test: (v) => v === text };
}

export function compilePolicy(spec: PolicySpec): Policy {
  const conditions = Object.entries(spec.claims).map(([claim, value]) => ({
    claim,
    matchers: (Array.isArray(value) ? value : [value]).map(compileMatcher),
  }));
  if (conditions.length === 0) throw new Error('a policy needs at least one claim condition');
  return { name: spec.name, issuer: spec.issuer, conditions, secrets: [...spec.secrets] };
}

/** A claim's value as policies see it: strings as they are, numbers and booleans in their JSON form. */
export function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function evaluatePolicy(policy: Policy, issuerId: string, claims: Claims): PolicyEvaluation {
  const failures: ConditionFailure[] = [];
  for (const cond of policy.conditions) {
    const expected = cond.matchers.map(describeMatcher);
    const raw = claims[cond.claim];
    if (raw === undefined || raw === null) {
      failures.push({ claim: cond.claim, reason: 'missing', expected });
      continue;
    }
    const text = claimText(raw);
    if (text === undefined) {
      failures.push({ claim: cond.claim, reason: 'not_a_string', actual: JSON.stringify(raw), expected });
      continue;
    }
    if (!cond.matchers.some((m) => m.test(text))) {
      failures.push({ claim: cond.claim, reason: 'mismatch', actual: text, expected });
    }
  }
  const issuerMatches = policy.issuer === issuerId;
  return { policy, issuerMatches, failures, matched: issuerMatches && failures.length === 0 };
}

/** First policy, in configuration order, whose issuer and claims all match. */
export function findPolicy(policies: readonly Policy[], issuerId: string, claims: Claims): Policy | undefined {
  for (const p of policies) {
    if (p.issuer !== issuerId) continue;
    if (evaluatePolicy(p, issuerId, claims).matched) return p;
  }
  return undefined;
}

/** Every policy's verdict, in order: what `check` prints. */
export function explainPolicies(policies: readonly Policy[], issuerId: string, claims: Claims): PolicyEvaluation[] {
  return policies.map((p) => evaluatePolicy(p, issuerId, claims));
}

/** The same-issuer policy that failed on the fewest conditions: the one a denied caller most likely meant. */
export function closestPolicy(policies: readonly Policy[], issuerId: string, claims: Claims): PolicyEvaluation | undefined {
  let best: PolicyEvaluation | undefined;
  for (const p of policies) {
    if (p.issuer !== issuerId) continue;
    const ev = evaluatePolicy(p, issuerId, claims);
    if (!best || ev.failures.length < best.failures.length) best = ev;
  }
  return best;
}

function describeMatcher(m: Matcher): string {
  if (m.kind === 'pattern') return `/${m.source}/`;
  return JSON.stringify(m.source) + (m.kind === 'glob' ? ' (glob)' : '');
}
