// `oidc-exchange issuers` runs the fake issuers for manual testing; `oidc-exchange token` mints a token from
// a running one (over its harness-only mint endpoint), so a broker configured with that issuer accepts it.
// `token` reads claims the way every command does (src/cli/claims-file.ts): a claims file and --set, with
// the same claims filled in as `check`, `try-action` and `gitlab-job` fill in.
import { request } from 'undici';
import { startFakeIssuer } from '../../harness/fakes/issuer.js';
import { completeClaims, describeCompletion, mustAgree, readGivenClaims, type Platform } from '../claims-file.js';
import { integerOption, parseCommand, UsageError, type CommandSpec } from '../options.js';

export const issuersSpec = {
  name: 'issuers',
  synopsis: '[--github-port N] [--gitlab-port N] [--audience A]',
  description: 'Runs a fake GitHub and a fake GitLab OIDC issuer on loopback until interrupted (Ctrl-C or SIGTERM).',
  options: {
    'github-port': { type: 'string', arg: 'N', help: 'port of the fake GitHub issuer (default: any free port)' },
    'gitlab-port': { type: 'string', arg: 'N', help: 'port of the fake GitLab issuer (default: any free port)' },
    audience: { type: 'string', arg: 'A', help: 'default audience of the tokens they mint' },
  },
  epilog: 'Mint a token from one with: oidc-exchange token --issuer-url URL ...',
} satisfies CommandSpec;

export async function issuersCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(issuersSpec, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const githubPort = integerOption('issuers', values['github-port'], '--github-port', 0, 65535) ?? 0;
  const gitlabPort = integerOption('issuers', values['gitlab-port'], '--gitlab-port', 0, 65535) ?? 0;
  const github = await startFakeIssuer({ kind: 'github', port: githubPort, audience: values.audience });
  const gitlab = await startFakeIssuer({ kind: 'gitlab', port: gitlabPort, audience: values.audience }).catch(async (e: unknown) => {
    await github.close();
    throw e;
  });
  process.stdout.write(
    `fake GitHub issuer: ${github.url}\nfake GitLab issuer: ${gitlab.url}\n` +
      `mint a token:  oidc-exchange token --issuer-url ${github.url} --audience <broker audience> --set environment=production\n` +
      'press Ctrl-C to stop\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([github.close(), gitlab.close()]);
  return 0;
}

export const tokenSpec = {
  name: 'token',
  synopsis: '--issuer-url URL [--claims FILE] [--set CLAIM=VALUE ...] [--audience A] [--ttl SECONDS]',
  description: `Mints a signed token from a running fake issuer (oidc-exchange issuers) and prints it. A broker whose
issuers list that fake issuer accepts it like one from GitHub or GitLab.`,
  options: {
    'issuer-url': { type: 'string', arg: 'URL', help: 'the fake issuer (from oidc-exchange issuers)' },
    claims: { type: 'string', arg: 'FILE', help: "a JSON file of the token's claims, as the platform emits them" },
    set: { type: 'string', multiple: true, arg: 'CLAIM=VALUE', help: 'one claim (must agree with --claims)' },
    audience: { type: 'string', arg: 'A', help: "the token's aud (default: the platform's default audience)" },
    ttl: { type: 'string', arg: 'SECONDS', help: 'seconds until exp (default 300; negative for an expired token)' },
  },
  epilog: `Claims left out are filled in the way check, try-action and gitlab-job fill them in: sub and the other derived
claims from the parts, the rest from a typical job; iss is the fake issuer's URL, iat/nbf/exp/jti the new token's.
What was filled in is printed on stderr; the token alone goes to stdout.`,
} satisfies CommandSpec;

export async function tokenCommand(args: string[]): Promise<number> {
  const parsed = parseCommand(tokenSpec, args);
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const issuerUrl = values['issuer-url']?.replace(/\/+$/, '');
  if (!issuerUrl) throw new UsageError('token', '--issuer-url URL is required (start the fake issuers with: oidc-exchange issuers)');
  const ttlSeconds = integerOption('token', values.ttl, '--ttl', -31_536_000, 31_536_000);
  const given = await readGivenClaims('token', values.claims, values.set);
  if (values.audience !== undefined) mustAgree('token', given, 'aud', values.audience, '--audience');

  // The issuer's kind decides the platform when the claims do not, and must agree when they do.
  const kind = await issuerKind(issuerUrl);
  const completed = completeClaims('token', given, { platform: kind, signedBy: issuerUrl });
  if (completed.platform !== kind) {
    throw new UsageError('token', `the claims are ${name(completed.platform)} claims but ${issuerUrl} is a fake ${name(kind)} issuer; use the other one (oidc-exchange issuers prints both)`);
  }
  const source = [values.claims, values.set?.length ? '--set' : undefined].filter(Boolean).join(' or ') || 'the command line';
  for (const line of describeCompletion(completed, source)) process.stderr.write(`oidc-exchange token: ${line}\n`);

  const audience = values.audience ?? (given.claims.aud as string | string[] | undefined);
  const res = await request(`${issuerUrl}/_harness/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ claims: completed.claims, audience, ttlSeconds }),
  });
  const body = (await res.body.json().catch(() => ({}))) as { value?: string; message?: string };
  if (res.statusCode !== 200 || typeof body.value !== 'string') {
    process.stderr.write(`oidc-exchange token: the issuer answered ${res.statusCode}: ${JSON.stringify(String(body.message ?? '').slice(0, 200))}\n`);
    return 1;
  }
  process.stdout.write(`${body.value}\n`);
  return 0;
}

function name(p: Platform): string {
  return p === 'github' ? 'GitHub' : 'GitLab';
}

/** GitHub's keys are at /.well-known/jwks, GitLab's at /oauth/discovery/keys: the discovery document says which. */
async function issuerKind(issuerUrl: string): Promise<Platform> {
  let jwksUri: unknown;
  try {
    const res = await request(`${issuerUrl}/.well-known/openid-configuration`);
    jwksUri = ((await res.body.json()) as { jwks_uri?: unknown }).jwks_uri;
  } catch (e) {
    throw new UsageError('token', `cannot reach a fake issuer at ${issuerUrl}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (start them with: oidc-exchange issuers)`);
  }
  if (typeof jwksUri === 'string' && jwksUri.endsWith('/oauth/discovery/keys')) return 'gitlab';
  if (typeof jwksUri === 'string' && jwksUri.endsWith('/.well-known/jwks')) return 'github';
  throw new UsageError('token', `${issuerUrl} does not look like a fake issuer from oidc-exchange issuers`);
}
