// Rules about the configuration as a whole and about how matchers are written: the audience, patterns that
// escape their anchors or leave a dot unescaped, policies that can never decide, replayable tokens, plain HTTP
// beyond loopback.
import { literalOf } from './matchers.js';
import { hasBareDot } from './pattern-syntax.js';
import { eachPolicy, type Hit, type LintCondition, type LintRule } from './model.js';
import { patternProblem } from '../policy/policy.js';
import { plainHttpExposure } from '../config/listen.js';

const patternEscapesAnchor: LintRule = {
  id: 'pattern-escapes-anchor',
  severity: 'error',
  risk: 'a pattern with an unbalanced `)...(` closes the anchor group it is wrapped in: `octo-org/app)|(` becomes `^(?:octo-org/app)|()$`, which matches every value',
  fix: 'balance the parentheses (the broker refuses such a pattern at start-up whatever the lint says)',
  overridable: false,
  check: eachPolicy((p) =>
    p.patterns.flatMap((x) => {
      const problem = patternProblem(x.pattern);
      return problem?.includes('pattern-escapes-anchor') ? [{ path: x.path, message: `pattern ${JSON.stringify(x.pattern)} is not a regular expression on its own, but wrapped in ^(?:...)$ it compiles and escapes the anchors` }] : [];
    }),
    { anyPolicy: true },
  ),
};

/** Audiences that belong to other relying parties, or that GitHub uses by default. */
function foreignAudience(aud: string): string | undefined {
  if (/^sts\.amazonaws\.com(\.cn)?$/.test(aud)) return 'AWS STS';
  if (aud === 'api://AzureADTokenExchange') return 'Azure (Entra ID) workload identity federation';
  if (/^https:\/\/github\.com\/[^/]+\/?$/.test(aud)) return "GitHub's default audience (the repository owner's URL), which every job gets without asking";
  if (aud.startsWith('//iam.googleapis.com/') || aud.startsWith('https://iam.googleapis.com/')) return 'Google Cloud workload identity federation';
  if (aud === 'pypi' || aud === 'testpypi') return 'PyPI trusted publishing';
  if (aud === 'npm:registry.npmjs.org') return 'npm trusted publishing';
  if (aud === 'crates.io') return 'crates.io trusted publishing';
  if (aud === 'sigstore') return 'Sigstore (Fulcio) signing';
  return undefined;
}

const audienceNotUnique: LintRule = {
  id: 'audience-not-unique',
  severity: 'error',
  risk: "a token minted for another service (AWS, Azure, PyPI, ...) or with GitHub's default audience is accepted here, and a token sent here can be replayed there",
  fix: "the broker's own URL, e.g. https://broker.example.com",
  overridable: false,
  check(cfg) {
    const aud = cfg.audience;
    if (aud === undefined) return [];
    const other = foreignAudience(aud);
    if (other) return [{ path: 'audience', message: `audience ${JSON.stringify(aud)} is the one ${other} uses` }];
    const issuer = cfg.issuers.find((i) => i.url === aud.replace(/\/+$/, ''));
    if (issuer) return [{ path: 'audience', message: `audience ${JSON.stringify(aud)} is the URL of issuer ${issuer.id}` }];
    return [];
  },
};

/** Every entry of B's condition is accepted by A's: exact values tested, wildcards only when identical. */
function covers(a: LintCondition, b: LintCondition): boolean {
  return b.entries.every((be) => {
    const lit = literalOf(be.matcher);
    if (lit !== undefined) return a.entries.some((ae) => ae.matcher.test(lit));
    return a.entries.some((ae) => ae.matcher.kind === be.matcher.kind && ae.matcher.source === be.matcher.source);
  });
}

const shadowedPolicy: LintRule = {
  id: 'shadowed-policy',
  severity: 'warning',
  risk: 'the first policy that matches decides: a later policy that only matches tokens an earlier one already matches never grants anything, and its narrower secrets or conditions are an illusion',
  fix: 'put narrow policies first',
  overridable: true,
  check(cfg) {
    const hits: Hit[] = [];
    cfg.policies.forEach((b, j) => {
      if (!b.issuer || !b.complete) return;
      const a = cfg.policies.slice(0, j).find((a) => a.issuer?.id === b.issuer!.id && a.conditions.length > 0 && a.conditions.every((ac) => {
        const bc = b.conditions.find((c) => c.claim === ac.claim);
        return bc !== undefined && covers(ac, bc);
      }));
      if (a) hits.push({ policy: b, path: b.path, message: `policy ${a.name} (${a.path}) comes first and matches every token policy ${b.name} matches: ${b.name} never decides` });
    });
    return hits;
  },
};

const unescapedRegexDot: LintRule = {
  id: 'unescaped-regex-dot',
  severity: 'warning',
  risk: 'in a pattern `.` is any character: `release.yml` also matches `releaseXyml`, and `octo.org` matches `octo-org`',
  fix: 'escape it: `\\.`',
  overridable: true,
  check: eachPolicy((p) => p.patterns.filter((x) => patternProblem(x.pattern) === undefined && hasBareDot(x.pattern)).map((x) => ({ path: x.path, message: `pattern ${JSON.stringify(x.pattern)} has an unescaped "."` })), { anyPolicy: true }),
};

const replayAllowed: LintRule = {
  id: 'replay-allowed',
  severity: 'warning',
  risk: 'with single_use: false a token can be exchanged again until it expires: one leaked from a log or a compromised step gets the secrets too',
  fix: 'drop single_use (the default is true)',
  overridable: true,
  check: eachPolicy((p) => (p.singleUse ? [] : [{ path: `${p.path}.single_use`, message: `policy ${p.name} lets a token be exchanged more than once` }])),
};

const plainHttpBeyondLoopback: LintRule = {
  id: 'plain-http-beyond-loopback',
  severity: 'warning',
  risk: 'with plain_http: true on an address other than loopback the broker serves plain HTTP to everything that reaches it: a TLS-terminating proxy protects tokens and secrets only if it is the only way in, and a published container port (docker run -p 8080:8080) is reachable from every network the host is on',
  fix: 'publish the port only to the proxy (docker run -p 127.0.0.1:8080:8080, a private network, a Kubernetes NetworkPolicy), or configure listen.tls',
  overridable: false,
  check(cfg) {
    const { host, tls, plainHttp } = cfg.listen;
    const message = plainHttpExposure(host, tls, plainHttp);
    return message ? [{ path: 'listen.plain_http', message }] : [];
  },
};

export const configRules = { patternEscapesAnchor, audienceNotUnique, shadowedPolicy, unescapedRegexDot, replayAllowed, plainHttpBeyondLoopback };
