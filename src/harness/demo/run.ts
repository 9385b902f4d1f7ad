// `npm run demo`: the whole flow on loopback with no account anywhere. Fake GitHub and GitLab issuers, the
// real broker with examples/demo.yaml, and a series of jobs, each checked against what should happen. It
// prints a short report and exits 0 only if every step behaved as expected. Secret values are never
// printed: the report shows names and sizes, and the last step scans the broker's log for every value.
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBed } from '../bed.js';
import { demoConfig } from './config.js';
import { postExchange, type DemoContext, type DemoStep } from './context.js';
import { githubAppSteps } from './steps-github-app.js';

export type { DemoContext, DemoStep } from './context.js';

function expect(cond: boolean, what: string): void {
  if (!cond) throw new Error(what);
}

function describeSecrets(secrets: Record<string, string>): string {
  return Object.entries(secrets)
    .map(([n, v]) => `${n} (${Buffer.byteLength(v)} bytes)`)
    .join(', ');
}

export const brokerSteps: DemoStep[] = [
  {
    title: 'GitHub job on main, environment production',
    async run(ctx) {
      const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience });
      const r = await postExchange(ctx, token);
      expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
      const secrets = r.body.secrets as Record<string, string>;
      expect(Object.keys(secrets).sort().join() === 'DB_PASSWORD,DEPLOY_KEY', 'expected exactly DB_PASSWORD and DEPLOY_KEY');
      return `200, policy ${String(r.body.policy)}: ${describeSecrets(secrets)}`;
    },
  },
  {
    title: 'GitLab job on protected main, environment staging',
    async run(ctx) {
      const token = await ctx.gitlab.mint(ctx.gitlab.claimsFor({ environment: 'staging', ref_protected: true }), { audience: ctx.audience });
      const r = await postExchange(ctx, token, { accept: 'text/plain' });
      expect(r.status === 200, `expected 200, got ${r.status} ${r.body.error ?? ''}`);
      const lines = r.text.trim().split('\n');
      expect(lines.length === 1 && lines[0]!.startsWith('STAGING_API_KEY '), 'expected one text/plain line for STAGING_API_KEY');
      return '200 as text/plain for POSIX shells: one "NAME BASE64" line, STAGING_API_KEY';
    },
  },
  {
    title: 'GitHub job on a feature branch is refused',
    async run(ctx) {
      const token = await ctx.github.mint(ctx.github.claimsFor({ ref: 'refs/heads/feature/x', environment: 'production' }), { audience: ctx.audience });
      const r = await postExchange(ctx, token);
      expect(r.status === 403 && r.body.error === 'no_policy_matched', `expected 403 no_policy_matched, got ${r.status} ${r.body.error ?? ''}`);
      return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
    },
  },
  {
    title: 'A job asks for more than its policy grants',
    async run(ctx) {
      const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience });
      const r = await postExchange(ctx, token, { body: { secrets: ['DB_PASSWORD', 'STAGING_API_KEY'] } });
      expect(r.status === 403 && r.body.error === 'secret_not_granted', `expected 403 secret_not_granted, got ${r.status} ${r.body.error ?? ''}`);
      return `403 ${String(r.body.error)}: ${String(r.body.message)}`;
    },
  },
  {
    title: 'A forged token (signed with a key the issuer never published)',
    async run(ctx) {
      const stray = await ctx.github.strayKey();
      const token = await ctx.github.mint(ctx.github.claimsFor({ environment: 'production' }), { audience: ctx.audience, key: stray });
      const r = await postExchange(ctx, token);
      expect(r.status === 401 && r.body.error === 'unknown_key', `expected 401 unknown_key, got ${r.status} ${r.body.error ?? ''}`);
      return `401 ${String(r.body.error)}`;
    },
  },
];

/** Runs last: nothing the broker logged contains a secret value or a token. */
export const auditStep: DemoStep = {
  title: "The broker's audit log holds names, never values",
  async run(ctx) {
    const log = ctx.brokerLog.join('');
    const leaked = ctx.secretValues.filter((v) => log.includes(v));
    expect(leaked.length === 0, `${leaked.length} secret value(s) found in the broker log`);
    expect(!/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(log), 'a JWT was found in the broker log');
    const exchanges = ctx.brokerLog.filter((l) => l.includes('"event":"exchange"')).length;
    return `${exchanges} audit lines, no secret value and no token in them`;
  },
};

/** The values the demo broker hands out (DB_PASSWORD, DEPLOY_KEY, STAGING_API_KEY): never printed. */
export const demoSecretValues: readonly string[] = [
  'demo-db-p@ss w0rd "quoted" $HOME `x`',
  '-----BEGIN DEMO KEY-----\nMIIdemo0nlyN0tAR3alKey\n-----END DEMO KEY-----\n',
  'demo-staging-7c1e4b9a',
];

export async function startDemo(): Promise<DemoContext> {
  const dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-demo-'));
  const secretValues = [...demoSecretValues];
  const revocationToken = randomBytes(24).toString('hex');
  secretValues.push(revocationToken);
  const configPath = join(dir, 'broker.yaml');
  try {
    await writeFile(join(dir, 'demo-deploy-key.pem'), secretValues[1]!, { mode: 0o600 });
    const bed = await startBed({
      githubApi: true,
      configPath,
      env: { DEMO_DB_PASSWORD: secretValues[0], DEMO_REVOCATION_TOKEN: revocationToken },
      config: (doubles) => {
        const raw = demoConfig(doubles, dir);
        // The steps that run a command against the demo's configuration read it from here.
        writeFileSync(configPath, JSON.stringify(raw, null, 2));
        return raw;
      },
    });
    return {
      github: bed.github,
      gitlab: bed.gitlab,
      broker: bed.broker,
      brokerUrl: bed.url,
      audience: bed.broker.config.audience,
      dir,
      configPath,
      secretValues,
      brokerLog: bed.log,
      githubApi: bed.api,
      revocationToken,
      close: () => bed.close(),
    };
  } catch (e) {
    // Nothing is left listening (the bed stops what it started); the scratch folder goes too.
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

export async function stopDemo(ctx: DemoContext): Promise<void> {
  await ctx.close();
  await rm(ctx.dir, { recursive: true, force: true });
}

export async function runDemo(steps: DemoStep[], print: (line: string) => void): Promise<boolean> {
  const ctx = await startDemo();
  try {
    print('oidc-exchange demo: the whole flow on loopback, no account anywhere\n');
    print(`  fake GitHub issuer  ${ctx.github.url}`);
    print(`  fake GitLab issuer  ${ctx.gitlab.url}`);
    if (ctx.githubApi) print(`  fake GitHub API     ${ctx.githubApi.url}`);
    print(`  broker              ${ctx.brokerUrl}  (examples/demo.yaml)\n`);
    let passed = 0;
    for (const step of [...steps, auditStep]) {
      try {
        const summary = await step.run(ctx);
        passed++;
        print(`✓ ${step.title}\n    ${summary}`);
      } catch (e) {
        print(`✗ ${step.title}\n    ${(e as Error).message}`);
      }
    }
    const total = steps.length + 1;
    print(`\n${passed} of ${total} steps behaved as expected${passed === total ? '' : ' — see the ✗ lines above'}`);
    return passed === total;
  } finally {
    await stopDemo(ctx);
  }
}

/** Every step of `npm run demo`, in order (the audit step is added by runDemo). */
export async function demoSteps(): Promise<DemoStep[]> {
  return [
    ...brokerSteps,
    ...(await import('./steps-github.js')).githubActionSteps,
    ...githubAppSteps,
    ...(await import('./steps-gitlab.js')).gitlabSteps,
  ];
}
