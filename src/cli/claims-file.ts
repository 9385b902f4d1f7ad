// The one claims-file format of `check`, `try-action`, `token` and `gitlab-job`: a JSON object holding a token's
// claims as the platform emits them (the decoded payload of a real token is a valid file). Any claim may be
// left out; every command fills in the same way (src/platform/completion.ts), and says what it filled in:
//
//   platform  GitHub when the claims have `repository` (or GitHub's `iss`), GitLab when they have
//             `project_path`; otherwise the command's own (try-action: GitHub, gitlab-job: GitLab, token: the
//             issuer's kind); check needs one of these
//   iss       check: the configuration's issuer with id `github` (or GitHub's URL) / id `gitlab`;
//             the harness commands: the fake issuer that signs the token (a file's `iss` names the issuer
//             the fake one stands in for)
//   aud       check and try-action: the broker's audience; token: --audience; gitlab-job: the `audience` input
//   derived   from the parts, as the platform derives them: GitHub `sub` (repo + environment / pull_request /
//             ref), `repository_owner`, `ref_type`, `event_name`, `workflow_ref`, `job_workflow_ref`; GitLab `sub`,
//             `namespace_path`, `ref_path`, `ci_config_ref_uri`
//   defaults  every other claim a real token carries, from a typical job (octo-org/octo-repo on refs/heads/main;
//             acme/platform/api on main), so `check` decides exactly as the broker would for `try-action`
//   fresh     iat, nbf, exp and jti of a token the harness signs are the new token's own (`token --ttl`)
//
// A value given twice (in the file and with --set, or `aud` in the file and the command's audience) must agree:
// a conflict is an error, never a silent override. A derived claim given in the file must agree with its parts
// (`repository_owner` with `repository`). A claim name the platform never emits is reported with the closest one.
import { readFile } from 'node:fs/promises';
import {
  ClaimsError,
  completeClaims as fillIn,
  REGISTERED_CLAIMS,
  TIME_CLAIMS,
  type Claims,
  type CompleteOptions,
  type Completed as FilledIn,
  type GivenClaims,
  type Platform,
} from '../platform/completion.js';
import { emitsClaim } from '../platform/claims.js';
import { closestClaims } from '../text/suggest.js';
import { UsageError } from './options.js';

export type { Claims, CompleteOptions, GivenClaims, Platform };

/**
 * Reads `--claims FILE` and `--set NAME=VALUE` into one set of claims. A claim in both must have the same
 * value. `--set` values are strings, as the platforms emit them.
 */
export async function readGivenClaims(command: string, file: string | undefined, set: string[] = []): Promise<GivenClaims> {
  const claims: Claims = {};
  const from: Record<string, string> = {};
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(command, `cannot read the claims file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(command, `${file} is not JSON: ${(e as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(command, `${file} must hold a JSON object of claims, like a token's payload`);
    for (const [k, v] of Object.entries(parsed as Claims)) {
      const ok = ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
      if (!ok) throw new UsageError(command, `${file}: claim ${k} must be a string, number, boolean or list of strings, as in a token`);
      claims[k] = v;
      from[k] = file;
    }
  }
  for (const pair of set) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(command, `--set takes CLAIM=VALUE, got ${JSON.stringify(pair)}`);
    const [k, v] = [pair.slice(0, eq), pair.slice(eq + 1)];
    if ((TIME_CLAIMS as readonly string[]).includes(k)) {
      throw new UsageError(command, `--set ${k}: the harness signs a fresh token and sets iat, nbf, exp and jti itself${command === 'token' ? '; --ttl SECONDS sets exp (negative for an expired token)' : ''}`);
    }
    if (Object.hasOwn(claims, k) && String(claims[k]) !== v) {
      throw new UsageError(command, `--set ${k}=${v} conflicts with ${from[k] === '--set' ? 'another --set' : from[k]}'s ${k} ${JSON.stringify(claims[k])}; give each claim one value`);
    }
    claims[k] = v;
    from[k] = '--set';
  }
  return { claims, from };
}

/** Fails when `claim` is given with a value other than the one the command will use. */
export function mustAgree(command: string, given: GivenClaims, claim: string, value: string, what: string): void {
  const v = given.claims[claim];
  if (v === undefined) return;
  const same = Array.isArray(v) ? v.length === 1 && v[0] === value : String(v) === value;
  if (!same) throw new UsageError(command, `${given.from[claim]} says ${claim} ${JSON.stringify(v)} but ${what} is ${JSON.stringify(value)}; give one value (or leave ${claim} out)`);
}

export interface Completed extends FilledIn {
  /** Claim names the platform never emits, with a suggestion. */
  unknown: string[];
}

/** The platform's filling-in (src/platform/completion.ts), with its refusals as this command's usage errors. */
export function completeClaims(command: string, given: GivenClaims, opts: CompleteOptions): Completed {
  let filled: FilledIn;
  try {
    filled = fillIn(given, opts);
  } catch (e) {
    if (e instanceof ClaimsError) throw new UsageError(command, e.message);
    throw e;
  }
  return { ...filled, unknown: unknownClaims(given, filled.platform) };
}

/** The given claim names `platform` never emits, each with the closest one it does. */
export function unknownClaims(given: GivenClaims, platform: Platform): string[] {
  return Object.keys(given.claims)
    .filter((k) => !REGISTERED_CLAIMS.includes(k) && !emitsClaim(platform, k))
    .map((k) => {
      const guess = closestClaims(platform, k)[0];
      return `${k} is not a claim ${platform === 'github' ? 'GitHub' : 'GitLab'} emits${guess ? ` (did you mean ${guess}?)` : ''}`;
    });
}

/** The lines a command prints about what it filled in: the same wording everywhere. */
export function describeCompletion(c: Completed, source: string): string[] {
  const lines: string[] = [];
  if (c.derived.length) lines.push(`filled in from the other claims: ${c.derived.join(', ')}`);
  if (c.defaults.length) lines.push(`taken from a typical ${c.platform === 'github' ? 'GitHub' : 'GitLab'} job (not in ${source}): ${c.defaults.join(', ')}`);
  return [...lines, ...c.notes, ...c.unknown.map((u) => `warning: ${u}`)];
}
