// `oidc-exchange issuers` runs the fake issuers for manual testing; `oidc-exchange token` mints a token from
// a running one (over its harness-only mint endpoint), so a broker configured with that issuer accepts it.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { startFakeIssuer } from './issuer.js';

export async function issuersCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'github-port': { type: 'string' }, 'gitlab-port': { type: 'string' }, audience: { type: 'string' } },
    strict: true,
  });
  const github = await startFakeIssuer({ kind: 'github', port: Number(values['github-port'] ?? 0), audience: values.audience });
  const gitlab = await startFakeIssuer({ kind: 'gitlab', port: Number(values['gitlab-port'] ?? 0), audience: values.audience });
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

export async function tokenCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'issuer-url': { type: 'string' },
      claims: { type: 'string' },
      set: { type: 'string', multiple: true },
      audience: { type: 'string' },
      ttl: { type: 'string' },
    },
    strict: true,
  });
  if (!values['issuer-url']) {
    process.stderr.write('usage: oidc-exchange token --issuer-url URL [--claims FILE] [--set claim=value ...] [--audience A] [--ttl SECONDS]\n' +
      'start the fake issuers first with: oidc-exchange issuers\n');
    return 2;
  }
  const claims: Record<string, unknown> = values.claims ? (JSON.parse(await readFile(values.claims, 'utf8')) as Record<string, unknown>) : {};
  const job: Record<string, string> = {};
  for (const pair of values.set ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) {
      process.stderr.write(`oidc-exchange token: --set takes claim=value, got ${JSON.stringify(pair)}\n`);
      return 2;
    }
    job[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  // --set values shape the job (so `sub` follows them), --claims overrides the final claim set.
  const res = await request(`${values['issuer-url'].replace(/\/+$/, '')}/_harness/mint`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ job, claims, audience: values.audience, ttlSeconds: values.ttl ? Number(values.ttl) : undefined }),
  });
  const body = (await res.body.json()) as { value?: string; message?: string };
  if (res.statusCode !== 200 || !body.value) {
    process.stderr.write(`oidc-exchange token: the issuer answered ${res.statusCode}: ${body.message ?? ''}\n`);
    return 1;
  }
  process.stdout.write(`${body.value}\n`);
  return 0;
}
