// The configuration as the lint rules read it: every policy with its conditions compiled by the broker's own
// compileMatcher, each entry with its path in the file, and each issuer with its kind. Built from the raw
// configuration (the parsed YAML), so it can be linted even when other sections have problems.
import { issuerKind, isMultiTenant, type IssuerKind } from '../../platform/claims.js';
import { compileMatcher, type Matcher, type RiskOverride } from '../policy/policy.js';

export interface LintIssuer {
  id: string;
  url: string;
  kind: IssuerKind;
  /** GitHub.com or gitlab.com: every repository or project on the platform shares it. */
  multiTenant: boolean;
}

export interface LintEntry {
  /** `policies[0].claims.environment[1]`, or `policies[0].claims.environment` when not a list. */
  path: string;
  matcher: Matcher;
}

export interface LintCondition {
  claim: string;
  /** `policies[0].claims.environment`. */
  path: string;
  entries: LintEntry[];
}

export interface LintPolicy {
  index: number;
  name: string;
  /** `policies[0]`. */
  path: string;
  issuer?: LintIssuer;
  /**
   * The policy's conditions, when every entry of every condition compiled and there is at least one; else
   * empty, and `complete` is false: the loader refuses the policy anyway, and rules about what it would match
   * would only add noise to that.
   */
  conditions: LintCondition[];
  complete: boolean;
  secrets: string[];
  singleUse: boolean;
  overrides: RiskOverride[];
  /** Every `{pattern}` entry, compiled or not (for the rules about pattern syntax). */
  patterns: Array<{ path: string; claim: string; pattern: string }>;
  /** Every number entry, with how the file wrote it when known. */
  numbers: Array<{ path: string; claim: string; value: number; source?: string }>;
}

export interface LintConfig {
  audience?: string;
  /** Where the broker listens, as the file says (the command line's --host can move it). */
  listen: { host: string; plainHttp: boolean; tls: boolean };
  issuers: LintIssuer[];
  policies: LintPolicy[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** `numberSources`: how the YAML file wrote each number under `policies[*].claims`, by path. */
export function lintModel(raw: unknown, numberSources: ReadonlyMap<string, string> = new Map()): LintConfig {
  const cfg = isObject(raw) ? raw : {};
  const rawPolicies = asList(cfg.policies);
  const issuers: LintIssuer[] = asList(cfg.issuers).flatMap((i) => {
    if (!isObject(i) || typeof i.id !== 'string' || typeof i.issuer !== 'string') return [];
    const url = i.issuer.replace(/\/+$/, '');
    return [{ id: i.id, url, kind: issuerKind(url, i.kind), multiTenant: isMultiTenant(url) }];
  });

  const policies: LintPolicy[] = rawPolicies.flatMap((p, index) => {
    if (!isObject(p) || !isObject(p.claims)) return [];
    const path = `policies[${index}]`;
    const conditions: LintCondition[] = [];
    const patterns: LintPolicy['patterns'] = [];
    const numbers: LintPolicy['numbers'] = [];
    for (const [claim, spec] of Object.entries(p.claims)) {
      const condPath = `${path}.claims.${claim}`;
      const list = Array.isArray(spec) ? spec : [spec];
      const entries: LintEntry[] = [];
      list.forEach((m: unknown, k) => {
        const entryPath = Array.isArray(spec) ? `${condPath}[${k}]` : condPath;
        if (isObject(m) && typeof m.pattern === 'string') patterns.push({ path: entryPath, claim, pattern: m.pattern });
        if (typeof m === 'number') numbers.push({ path: entryPath, claim, value: m, source: numberSources.get(entryPath) });
        const valid = typeof m === 'string' || typeof m === 'number' || typeof m === 'boolean' || (isObject(m) && typeof m.pattern === 'string');
        if (!valid) return;
        try {
          entries.push({ path: entryPath, matcher: compileMatcher(m as Parameters<typeof compileMatcher>[0]) });
        } catch {
          /* the loader reports it */
        }
      });
      if (entries.length === list.length && entries.length > 0) conditions.push({ claim, path: condPath, entries });
    }
    const complete = conditions.length > 0 && conditions.length === Object.keys(p.claims).length;
    const overrides = asList(p.allow_risky).filter((o): o is RiskOverride => isObject(o) && typeof o.rule === 'string' && typeof o.reason === 'string');
    return [{
      index,
      name: typeof p.name === 'string' ? p.name : `#${index}`,
      path,
      issuer: issuers.find((i) => i.id === p.issuer),
      conditions: complete ? conditions : [],
      complete,
      secrets: asList(p.secrets).filter((s): s is string => typeof s === 'string'),
      singleUse: p.single_use !== false,
      overrides,
      patterns,
      numbers,
    }];
  });
  const listen = isObject(cfg.listen) ? cfg.listen : {};
  return {
    audience: typeof cfg.audience === 'string' ? cfg.audience : undefined,
    // The loader's defaults: 127.0.0.1, no TLS, no plain_http.
    listen: { host: typeof listen.host === 'string' ? listen.host : '127.0.0.1', plainHttp: listen.plain_http === true, tls: listen.tls !== undefined && listen.tls !== null },
    issuers,
    policies,
  };
}

/** The policy's condition on a claim, if it has one. */
export function conditionOn(p: LintPolicy, claim: string): LintCondition | undefined {
  return p.conditions.find((c) => c.claim === claim);
}

/** Whether any entry of the condition accepts the value (false when there is no such condition). */
export function accepts(c: LintCondition | undefined, value: string): boolean {
  return c !== undefined && c.entries.some((e) => e.matcher.test(value));
}

/** What a rule found: where, and why in this policy's terms. */
export interface Hit {
  policy?: LintPolicy;
  path: string;
  message: string;
}

export interface LintRule {
  /** Stable id, used in findings, in `allow_risky` and in SARIF. */
  id: string;
  severity: 'error' | 'warning';
  /** One line: what goes wrong (docs/policies.md, "Safe policies", says the same). */
  risk: string;
  /** What to change. */
  fix: string;
  /**
   * Whether a policy may accept the risk with `allow_risky`. Not for findings outside any policy (the
   * audience) nor for what the broker refuses to load anyway (a pattern that escapes its anchors).
   */
  overridable: boolean;
  check(cfg: LintConfig): Hit[];
}

/**
 * A rule that looks at one policy at a time: only complete policies, unless the rule is about how entries
 * are written (`anyPolicy`), which holds for the entries the loader refuses too.
 */
export function eachPolicy(fn: (p: LintPolicy, cfg: LintConfig) => Array<Omit<Hit, 'policy'>>, opts: { anyPolicy?: boolean } = {}): (cfg: LintConfig) => Hit[] {
  return (cfg) => cfg.policies.filter((p) => p.complete || opts.anyPolicy).flatMap((p) => fn(p, cfg).map((h) => ({ ...h, policy: p })));
}
