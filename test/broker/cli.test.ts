// The CLI as users run it: `broker` (start-up checks in process; serving, graceful SIGTERM and slow clients as a
// real process of the sources), `check`, and `issuers` (a process, stopped by SIGTERM) + `token`. The demo, which
// runs the bundled action, and each command from the bundle: test/cli/commands.dist.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'undici';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { AUDIENCE, exchangeOver, leaks } from '../helpers/broker.js';
import { callCli } from '../helpers/command.js';
import { runCli, startCli } from '../helpers/process.js';

const SECRET = 'cli-test-secret-value-3f9a';
let dir: string;
let github: FakeIssuer;
let configPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-cli-'));
  github = await startFakeIssuer({ kind: 'github', audience: AUDIENCE });
  configPath = join(dir, 'broker.yaml');
  await writeFile(
    configPath,
    [
      `audience: ${AUDIENCE}`,
      'listen: { host: 127.0.0.1, port: 0, request_timeout_seconds: 1, shutdown_grace_seconds: 5 }',
      'issuers:',
      `  - { id: github, issuer: "${github.url}", kind: github }`,
      'secrets:',
      '  TOKEN: { env: CLI_TEST_SECRET }',
      'policies:',
      '  - { name: prod, issuer: github, claims: { repository: octo-org/octo-repo, environment: production }, secrets: [TOKEN] }',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await github.close();
  await rm(dir, { recursive: true, force: true });
});

describe('oidc-exchange broker', () => {
  it('refuses to start on an invalid configuration, listing every problem, exit code 2', async () => {
    const r = await callCli(['broker', '--config', 'test/fixtures/invalid-broker.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('policies[1].claims: needs at least one claim condition');
    expect(r.stderr).toContain('policies[1].issuer: "gitlab" is not an issuer id');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(12);
  });

  it('refuses to start when a secret source cannot deliver', async () => {
    const r = await callCli(['broker', '--config', configPath]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('secrets.TOKEN: environment variable CLI_TEST_SECRET is not set');
  });

  it('serves, survives a slow client, and finishes in-flight requests on SIGTERM', async () => {
    const broker = startCli(['broker', '--config', configPath, '--port', '0'], { PATH: process.env.PATH, CLI_TEST_SECRET: SECRET });
    try {
      const line = await broker.waitFor(/"event":"listening"/);
      const url = (JSON.parse(line) as { address: string }).address;
      const token = await github.mint(github.claimsFor({ environment: 'production' }));
      const ok = await exchangeOver(url, { token });
      expect(ok.status).toBe(200);
      expect(ok.json.secrets).toEqual({ TOKEN: SECRET });

      // A client that sends half a request and stalls is cut off after request_timeout_seconds (1 s).
      const { port } = new URL(url);
      const stalled = await new Promise<string>((resolve) => {
        const s = connect(Number(port), '127.0.0.1', () => s.write('POST /v1/exchange HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"sec'));
        let got = '';
        s.on('data', (d) => (got += d.toString()));
        s.on('close', () => resolve(got));
      });
      expect(stalled).toMatch(/^HTTP\/1\.1 408/);
      expect((await exchangeOver(url, { token: await github.mint(github.claimsFor({ environment: 'production' })) })).status).toBe(200);

      // In flight during SIGTERM: the request started, then the signal, then the body arrives.
      const client = new Client(url);
      const body = '{"secrets":["TOKEN"]}';
      let push!: (chunk: string | null) => void;
      const { Readable } = await import('node:stream');
      const stream = new Readable({ read() {} });
      push = (c) => stream.push(c);
      const pending = client.request({
        path: '/v1/exchange',
        method: 'POST',
        headers: { authorization: `Bearer ${await github.mint(github.claimsFor({ environment: 'production' }))}`, 'content-type': 'application/json', 'content-length': String(body.length) },
        body: stream,
      });
      push(body.slice(0, 5));
      await new Promise((r) => setTimeout(r, 100));
      broker.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      push(body.slice(5));
      push(null);
      const res = await pending;
      expect(res.statusCode).toBe(200);
      expect(await res.body.json()).toMatchObject({ secrets: { TOKEN: SECRET } });
      await client.close();
      expect(await broker.exited).toBe(0);
      expect(broker.output()).toContain('"event":"shutdown"');
    } finally {
      broker.child.kill('SIGKILL');
    }
    expect(leaks(broker.output(), [SECRET])).toEqual([]);
  }, 60_000);
});

describe('oidc-exchange check', () => {
  it('names the matching policy, and for the others the failed conditions', async () => {
    const claims = join(dir, 'claims.json');
    const full = { ...github.claimsFor({ environment: 'production' }), iss: 'https://token.actions.githubusercontent.com', aud: 'https://broker.example.com' };
    await writeFile(claims, JSON.stringify(full));
    const r = await callCli(['check', '--config', 'examples/broker.yaml', '--claims', claims]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ prod-deploy: MATCHES, grants DB_PASSWORD, TLS_KEY');
    expect(r.stdout).toContain('- gitlab-protected-deploys: skipped (issuer gitlab, token is from github)');
    expect(r.stdout).toContain('result: policy prod-deploy decides');

    await writeFile(claims, JSON.stringify({ ...full, ref: 'refs/heads/dev', environment: 'staging' }));
    const miss = await callCli(['check', '--config', 'examples/broker.yaml', '--claims', claims]);
    expect(miss.code).toBe(1);
    expect(miss.stdout).toContain('✗ prod-deploy: does not match');
    expect(miss.stdout).toContain('    ref is refs/heads/dev; expected "refs/heads/main"');
    expect(miss.stdout).toContain('    environment is staging; expected "production"');
    expect(miss.stdout).toContain('    job_workflow_ref is octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main; expected /octo-org/octo-automation/');
    expect(miss.stdout).toContain('result: no policy matches');
  });

  it('reads the claims from a token, and says when the issuer or audience would be refused', async () => {
    const token = await github.mint(github.claimsFor({ environment: 'production' }), { audience: 'https://wrong.example' });
    const r = await callCli(['check', '--config', 'examples/broker.yaml', '--token', token]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`! issuer "${github.url}" is not in the broker's issuers`);
    expect(r.stdout).toContain('! audience "https://wrong.example" is not the broker\'s "https://broker.example.com"');
  });

  describe("--token shows the token's expiry, and an expired token fails", () => {
    const matching = () => ({ ...github.claimsFor({ environment: 'production' }), iss: 'https://token.actions.githubusercontent.com', aud: 'https://broker.example.com' });
    // The test reads exp itself, so the expected time does not come from the code under test.
    const expOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp;
    const iso = (exp: number) => new Date(exp * 1000).toISOString();

    it('a fresh token: when it expires, and the match', async () => {
      const token = await github.mint(matching(), { ttlSeconds: 300 });
      const r = await callCli(['check', '--config', 'examples/broker.yaml', '--token', token]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^token: expires at ${iso(expOf(token)).replace(/\./g, '\\.')} \\(in (4 min [0-9]+ s|5 min)\\)$`, 'm'));
      expect(r.stdout).toContain('✓ prod-deploy: MATCHES');
      const json = JSON.parse((await callCli(['check', '--json', '--config', 'examples/broker.yaml', '--token', token])).stdout) as Record<string, unknown>;
      expect(json.expires_at).toBe(iso(expOf(token)));
      expect(json.seconds_left).toBeGreaterThan(290);
      expect(json.seconds_left).toBeLessThanOrEqual(300);
    });

    it('a token expired ten minutes ago: says when and how long ago, and exits 1 although its claims match', async () => {
      const token = await github.mint(matching(), { ttlSeconds: 300, shiftSeconds: -900 });
      const r = await callCli(['check', '--config', 'examples/broker.yaml', '--token', token]);
      expect(r.code).toBe(1);
      const when = iso(expOf(token));
      expect(r.stdout).toMatch(new RegExp(`^token: expired at ${when.replace(/\./g, '\\.')}, 10 min( 1 s)? ago$`, 'm'));
      expect(r.stdout).toMatch(new RegExp(`^! the token expired at ${when.replace(/\./g, '\\.')}, 10 min( 1 s)? ago: the broker would refuse it \\(401 token_expired\\); use a fresh token from the job$`, 'm'));
      expect(r.stdout).toContain('result: the broker would refuse this token before policies apply (401)');
      const json = JSON.parse((await callCli(['check', '--json', '--config', 'examples/broker.yaml', '--token', token])).stdout) as Record<string, unknown>;
      expect(json.matched).toBeNull();
      expect(json.seconds_left).toBeLessThanOrEqual(-600);
    });

    it("a token expired within the issuer's clock-skew allowance (60 s) still passes, and says so", async () => {
      const token = await github.mint(matching(), { ttlSeconds: 300, shiftSeconds: -320 });
      const r = await callCli(['check', '--config', 'examples/broker.yaml', '--token', token]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^token: expired at \S+, 2[0-9] s ago; the broker still accepts it for [34][0-9] s \(its 60 s clock-skew allowance\)$/m);
    });
  });

  it('explains its usage', async () => {
    const r = await callCli(['check', '--config', 'examples/broker.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('give the claims with exactly one of --claims FILE or --token JWT');
    expect(r.stderr).toContain('run "oidc-exchange check --help" for its usage');
  });
});

describe('oidc-exchange issuers and token', () => {
  it('mints a token from a running fake issuer that a broker accepts', async () => {
    const issuers = startCli(['issuers']);
    try {
      const line = await issuers.waitFor(/fake GitHub issuer: /);
      const url = line.split(': ')[1]!.trim();
      const r = await callCli(['token', '--issuer-url', url, '--audience', AUDIENCE, '--set', 'environment=production', '--set', 'ref=refs/heads/main']);
      expect(r.code).toBe(0);
      const claims = JSON.parse(Buffer.from(r.stdout.trim().split('.')[1]!, 'base64url').toString()) as Record<string, string>;
      expect(claims).toMatchObject({ iss: url, aud: AUDIENCE, environment: 'production', sub: 'repo:octo-org/octo-repo:environment:production' });
    } finally {
      issuers.child.kill('SIGTERM');
      await issuers.exited;
    }
  }, 60_000);
});

describe('oidc-exchange issuers with its port taken', () => {
  it.each(['github', 'gitlab'])('--%s-port on a port in use: one line naming the port and how to pick another, exit 2, no stack', async (which) => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = await runCli(['issuers', `--${which}-port`, String(port)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      const name = which === 'github' ? 'GitHub' : 'GitLab';
      expect(r.stderr).toBe(`oidc-exchange issuers: port ${port} (fake ${name} issuer) is in use on 127.0.0.1; pick another with --${which}-port N, or leave --${which}-port out for any free port\n`);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 60_000);
});
