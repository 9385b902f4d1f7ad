// `oidc-exchange check`: which policy a token's claims match, and for every policy that does not match,
// which condition failed. The tool a platform engineer uses while writing policies. It reads the same
// configuration and runs the same pure matcher the broker does; it makes no network request and does not
// verify signatures (it is for the policy, not the token).
import { claimText, explainPolicies, type Claims, type PolicyEvaluation } from './policy.js';
import { parseGitHubSubject } from '../../platform/subject.js';
import { loadConfigFile, type BrokerConfig } from '../config/load.js';
import { ConfigError } from '../errors.js';
import { TokenVerifier } from '../verify/token.js';
import { completeClaims, describeCompletion, platformIssuer, readGivenClaims, type Completed } from '../../cli/claims-file.js';
import { parseCommand, UsageError, type CommandSpec } from '../../cli/options.js';

export const checkSpec = {
  name: 'check',
  synopsis: '--config FILE (--claims FILE | --token JWT) [--json]\n--lint --config FILE [--json] [--sarif FILE]',
  description: `Says which policy of a broker configuration a token's claims match and, for every other policy, which
condition failed. Reads the configuration like the broker (without its secrets) and runs the same matcher; it
makes no network request and does not verify the token's signature (it is about the policy).`,
  options: {
    config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration' },
    claims: { type: 'string', arg: 'FILE', help: "a JSON file of the token's claims, as the platform emits them" },
    token: { type: 'string', arg: 'JWT', help: 'read the claims from this token instead (not verified)' },
    json: { type: 'boolean', help: 'print the result as JSON' },
    lint: { type: 'boolean', help: 'apply the trust-policy lint rules to the configuration instead (docs/policies.md, "Safe policies")' },
    sarif: { type: 'string', arg: 'FILE', help: 'with --lint: also write the findings as SARIF 2.1.0 to FILE' },
  },
  epilog: `Claims left out of --claims are filled in as try-action, token and gitlab-job fill them in: iss (the issuer with
id github or gitlab), aud (the broker's audience), sub and the other derived claims from the parts, the rest from
a typical job; the report says which. Exit status: 0 a policy matches, 1 none does, 2 bad usage or configuration. With --lint: 0 nothing would stop the
broker, 1 an error finding would, 2 the configuration is unusable for another reason.`,
} satisfies CommandSpec;

export interface CheckReport {
  issuer?: string;
  problems: string[];
  matched?: string;
  evaluations: PolicyEvaluation[];
}

export function checkClaims(config: BrokerConfig, claims: Claims): CheckReport {
  const problems: string[] = [];
  const iss = claimText(claims.iss);
  const issuer = iss === undefined ? undefined : config.issuers.find((i) => i.issuer === iss.replace(/\/+$/, ''));
  if (iss === undefined) problems.push('the claims have no "iss": the broker could not pick an issuer');
  else if (!issuer) problems.push(`issuer ${JSON.stringify(iss)} is not in the broker's issuers (${config.issuers.map((i) => i.issuer).join(', ')})`);
  const aud = claims.aud;
  if (aud !== undefined && !(Array.isArray(aud) ? aud : [aud]).includes(config.audience)) {
    problems.push(`audience ${JSON.stringify(aud)} is not the broker's ${JSON.stringify(config.audience)}`);
  }
  if (claimText(claims.sub) === undefined) problems.push('the claims have no "sub": the broker requires it');
  const evaluations = explainPolicies(config.policies, issuer?.id ?? '', claims);
  const matched = problems.length === 0 ? evaluations.find((e) => e.matched)?.policy.name : undefined;
  return { issuer: issuer?.id, problems, matched, evaluations };
}

/** Who the token says it is, by immutable ID first: what a policy should pin. */
export interface TokenIdentity {
  platform: 'github' | 'gitlab';
  /** `repository` / `project_path`, with `repository_id` / `project_id`. */
  name?: string;
  id?: string;
  /** `repository_owner` / `namespace_path`, with `repository_owner_id` / `namespace_id`. */
  owner?: string;
  ownerId?: string;
  /** For a GitHub subject in the immutable form `repo:OWNER@ID/REPO@ID:...`. */
  subject?: { owner: string; ownerId?: string; repository: string; repositoryId?: string };
}

export function tokenIdentity(claims: Claims): TokenIdentity | undefined {
  const text = (k: string) => claimText(claims[k]);
  const sub = text('sub');
  if (text('repository') !== undefined || text('repository_id') !== undefined) {
    const repo = sub === undefined ? undefined : parseGitHubSubject(sub)?.repo;
    return {
      platform: 'github',
      name: text('repository'),
      id: text('repository_id'),
      owner: text('repository_owner'),
      ownerId: text('repository_owner_id'),
      ...(repo?.ownerId || repo?.repoId ? { subject: { owner: repo.owner, ownerId: repo.ownerId, repository: repo.name, repositoryId: repo.repoId } } : {}),
    };
  }
  if (text('project_path') !== undefined || text('project_id') !== undefined) {
    return { platform: 'gitlab', name: text('project_path'), id: text('project_id'), owner: text('namespace_path'), ownerId: text('namespace_id') };
  }
  return undefined;
}

function identityLines(id: TokenIdentity): string[] {
  const show = (v: string | undefined) => (v === undefined ? '(absent)' : JSON.stringify(v));
  const [nameClaim, idClaim, ownerClaim, ownerIdClaim] =
    id.platform === 'github' ? ['repository', 'repository_id', 'repository_owner', 'repository_owner_id'] : ['project_path', 'project_id', 'namespace_path', 'namespace_id'];
  const lines = [
    `token: ${id.platform === 'github' ? 'GitHub' : 'GitLab'} ${idClaim} ${show(id.id)}, ${ownerIdClaim} ${show(id.ownerId)} (${nameClaim} ${show(id.name)}, ${ownerClaim} ${show(id.owner)}): pin the IDs`,
  ];
  if (id.subject) lines.push(`token: sub is in GitHub's immutable form: owner ${show(id.subject.owner)} ID ${show(id.subject.ownerId)}, repository ${show(id.subject.repository)} ID ${show(id.subject.repositoryId)}`);
  return lines;
}

export function formatReport(report: CheckReport, claims?: Claims): string {
  const out: string[] = [];
  const identity = claims ? tokenIdentity(claims) : undefined;
  if (identity) out.push(...identityLines(identity));
  for (const p of report.problems) out.push(`! ${p}`);
  let decided = false;
  for (const ev of report.evaluations) {
    const p = ev.policy;
    if (!ev.issuerMatches) {
      out.push(`- ${p.name}: skipped (issuer ${p.issuer}${report.issuer ? `, token is from ${report.issuer}` : ''})`);
      continue;
    }
    if (ev.matched && !decided && report.problems.length === 0) {
      decided = true;
      out.push(`✓ ${p.name}: MATCHES, grants ${p.secrets.join(', ')}`);
      continue;
    }
    if (ev.matched) {
      out.push(`- ${p.name}: would match, but ${decided ? 'an earlier policy decides' : 'the token is refused before policies apply'}`);
      continue;
    }
    out.push(`✗ ${p.name}: does not match`);
    for (const f of ev.failures) {
      const got = f.reason === 'missing' ? 'is absent' : `is ${f.actual}`;
      out.push(`    ${f.claim} ${got}; expected ${f.expected.join(' or ')}`);
    }
  }
  out.push(report.matched ? `result: policy ${report.matched} decides` : 'result: no policy matches; the broker would answer 403 no_policy_matched');
  if (report.problems.length) out[out.length - 1] = 'result: the broker would refuse this token before policies apply (401)';
  return out.join('\n') + '\n';
}

export async function checkCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(checkSpec, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.config) throw new UsageError('check', '--config FILE is required');
  if (values.lint) {
    if (values.claims !== undefined || values.token !== undefined) throw new UsageError('check', '--lint reads only the configuration: leave out --claims and --token');
    const { lintCommand } = await import('../lint/report.js');
    return lintCommand({ config: values.config, json: values.json, sarif: values.sarif });
  }
  if (values.sarif !== undefined) throw new UsageError('check', '--sarif FILE goes with --lint');
  if ((values.claims === undefined) === (values.token === undefined)) throw new UsageError('check', 'give the claims with exactly one of --claims FILE or --token JWT');
  let config: BrokerConfig;
  try {
    config = await loadConfigFile(values.config, { checkSources: false });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  let claims: Claims | undefined;
  let completed: Completed | undefined;
  if (values.token) {
    claims = TokenVerifier.peek(values.token.trim());
    if (!claims) throw new UsageError('check', '--token is not a decodable JWT');
  } else {
    const given = await readGivenClaims('check', values.claims);
    const platform = completeClaims('check', given, {}).platform;
    completed = completeClaims('check', given, { iss: platformIssuer(config.issuers, platform)?.issuer, aud: config.audience });
    claims = completed.claims;
  }
  const report = checkClaims(config, claims);
  if (values.json) {
    process.stdout.write(
      JSON.stringify(
        {
          matched: report.matched ?? null,
          identity: tokenIdentity(claims) ?? null,
          ...(completed ? { filled_in: { derived: completed.derived, defaults: completed.defaults, warnings: completed.unknown } } : {}),
          problems: report.problems,
          policies: report.evaluations.map((e) => ({ name: e.policy.name, issuer_matches: e.issuerMatches, matched: e.matched, failures: e.failures })),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    if (completed) process.stdout.write(describeCompletion(completed, values.claims!).map((l) => `claims: ${l}\n`).join(''));
    process.stdout.write(formatReport(report, claims));
    // A match that rests on a claim the file did not give is worth a second look.
    const decided = report.evaluations.find((e) => e.policy.name === report.matched)?.policy;
    const assumed = decided?.conditions.map((c) => c.claim).filter((c) => completed?.defaults.includes(c)) ?? [];
    if (assumed.length) process.stdout.write(`note: ${report.matched} matched on ${assumed.join(', ')} from the typical job, not from ${values.claims}: put your job's own values there\n`);
  }
  return report.matched ? 0 : 1;
}
