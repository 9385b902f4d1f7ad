// Which policy a token's claims match, and for every policy that does not match, which condition failed: what
// `oidc-exchange check` (src/cli/commands/check.ts) reports while a platform engineer writes policies. It runs
// the same pure matcher the broker does on a loaded configuration; it makes no network request and does not
// verify signatures (it is for the policy, not the token).
import { claimText, explainPolicies, type Claims, type PolicyEvaluation } from './policy.js';
import { completeClaims, platformIssuer, type Completed, type GivenClaims } from '../../platform/completion.js';
import { parseGitHubSubject } from '../../platform/subject.js';
import type { BrokerConfig } from '../config/load.js';

export interface CheckReport {
  issuer?: string;
  problems: string[];
  matched?: string;
  evaluations: PolicyEvaluation[];
}

/** `known`: reasons the broker would refuse the token found before this (its lifetime, say). */
export function checkClaims(config: BrokerConfig, claims: Claims, known: string[] = []): CheckReport {
  const problems: string[] = [...known];
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

/**
 * Completes given claims as `check --claims` does (src/platform/completion.ts: the platform from their shape,
 * `iss` the configuration's issuer of that platform, `aud` the broker's audience, the rest from a typical job)
 * and checks them: the one path of the CLI and the status page's playground. Throws ClaimsError when the
 * claims do not say which platform they are from, or contradict themselves.
 */
export function checkGivenClaims(config: BrokerConfig, given: GivenClaims): { completed: Completed; report: CheckReport } {
  const platform = completeClaims(given, {}).platform;
  const completed = completeClaims(given, { iss: platformIssuer(config.issuers, platform)?.issuer, aud: config.audience });
  return { completed, report: checkClaims(config, completed.claims) };
}

/** Each policy's verdict as `check --json` prints it (and the playground answers it). */
export function evaluationsJson(report: CheckReport): Array<{ name: string; issuer_matches: boolean; matched: boolean; failures: PolicyEvaluation['failures'] }> {
  return report.evaluations.map((e) => ({ name: e.policy.name, issuer_matches: e.issuerMatches, matched: e.matched, failures: e.failures }));
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
