// `oidc-exchange token` mints a token from a running fake issuer (`oidc-exchange issuers`, over its harness-only
// mint endpoint), so a broker configured with that issuer accepts it. It reads claims the way every command
// does (src/cli/claims-file.ts): a claims file and --set, with the same claims filled in as `check`,
// `try-action` and `gitlab-job` fill in.
import { mintAt, runningIssuerKind } from '../../harness/fakes/running-issuer.js';
import { completeClaims, describeCompletion, mustAgree, readGivenClaims, type Platform } from '../claims-file.js';
import type { CommandIo } from '../io.js';
import { integerOption, runCommand, UsageError, type CommandSpec, type Values } from '../options.js';

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

export async function tokenCommand(args: string[], io?: Partial<CommandIo>): Promise<number> {
  return runCommand(tokenSpec, args, io, token);
}

async function token(values: Values<typeof tokenSpec.options>, io: CommandIo): Promise<number> {
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
  for (const line of describeCompletion(completed, source)) io.stderr.write(`oidc-exchange token: ${line}\n`);

  const audience = values.audience ?? (given.claims.aud as string | string[] | undefined);
  const res = await mintAt(issuerUrl, { claims: completed.claims, audience, ttlSeconds });
  let body: { value?: string; message?: string } = {};
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    /* not JSON: said below with the status */
  }
  if (res.status !== 200 || typeof body.value !== 'string') {
    io.stderr.write(`oidc-exchange token: the issuer answered ${res.status}: ${JSON.stringify(String(body.message ?? '').slice(0, 200))}\n`);
    return 1;
  }
  io.stdout.write(`${body.value}\n`);
  return 0;
}

function name(p: Platform): string {
  return p === 'github' ? 'GitHub' : 'GitLab';
}

/** The kind of the fake issuer at the URL, or a usage error saying how to start one. */
async function issuerKind(issuerUrl: string): Promise<Platform> {
  let kind: Platform | undefined;
  try {
    kind = await runningIssuerKind(issuerUrl);
  } catch (e) {
    throw new UsageError('token', `cannot reach a fake issuer at ${issuerUrl}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message} (start them with: oidc-exchange issuers)`);
  }
  if (kind) return kind;
  throw new UsageError('token', `${issuerUrl} does not look like a fake issuer from oidc-exchange issuers`);
}
