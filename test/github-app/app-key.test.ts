// App keys as GitHub hands them out (PKCS#1) and as converted by openssl (PKCS#8): both sign JWTs the fake
// GitHub accepts, and the fingerprint the broker logs is the one GitHub's settings page shows, computed here
// by the very openssl pipeline GitHub documents.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AppJwt, keyFingerprint, parseAppKey } from '../../src/broker/github/app-jwt.js';
import { exchangeOver, startTestBed } from '../helpers/broker.js';
import { startFakeGitHubApi, type FakeGitHubApi } from '../../src/harness/fakes/github-api.js';

const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-app-key-'));
const pkcs1 = join(dir, 'app.pem');
const pkcs8 = join(dir, 'app.pkcs8.pem');

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** GitHub's documented way to compute a key's fingerprint. */
function opensslFingerprint(keyFile: string): string {
  return execFileSync('sh', ['-c', 'openssl rsa -in "$1" -pubout -outform DER 2>/dev/null | openssl sha256 -binary | openssl base64', 'sh', keyFile], {
    encoding: 'utf8',
  }).trim();
}

beforeAll(() => {
  // -traditional: PKCS#1 ("BEGIN RSA PRIVATE KEY"), the format GitHub's settings page downloads.
  openssl(['genrsa', '-traditional', '-out', pkcs1, '2048']);
  openssl(['pkcs8', '-topk8', '-nocrypt', '-in', pkcs1, '-out', pkcs8]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('app keys', () => {
  it('openssl produced one key in both formats', () => {
    expect(readFileSync(pkcs1, 'utf8')).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(readFileSync(pkcs8, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it("the fingerprint equals `openssl rsa -pubout -outform DER | openssl sha256 -binary | openssl base64`", () => {
    const expected = opensslFingerprint(pkcs1);
    expect(expected).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(keyFingerprint(parseAppKey(readFileSync(pkcs1, 'utf8')))).toBe(`SHA256:${expected}`);
    expect(keyFingerprint(parseAppKey(readFileSync(pkcs8, 'utf8')))).toBe(`SHA256:${opensslFingerprint(pkcs8)}`);
  });

  it.each([
    ['an EC key', () => openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']), /is an EC key; GitHub App keys are RSA/],
    ['a public key', () => openssl(['rsa', '-in', pkcs1, '-pubout']), /is a public key/],
    ['an encrypted key', () => openssl(['pkcs8', '-topk8', '-in', pkcs1, '-passout', 'pass:secret-pass']), /encrypted private key/],
    ['not a key at all', () => 'hello', /is not a PEM private key/],
    ['a damaged key', () => readFileSync(pkcs1, 'utf8').replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'), /cannot be read as a private key/],
  ])('refuses %s with a message that says what is wrong', (_what, make, message) => {
    expect(() => parseAppKey(make())).toThrow(message);
  });

  it('signs RS256 JWTs with iat 60 s back and exp 9 minutes ahead, reused until a minute before expiry', async () => {
    let now = 1_800_000_000_000;
    const jwt = new AppJwt('123456', parseAppKey(readFileSync(pkcs1, 'utf8')), () => now);
    const first = await jwt.token();
    expect(decodeProtectedHeader(first)).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decodeJwt(first)).toEqual({ iss: '123456', iat: 1_800_000_000 - 60, exp: 1_800_000_000 + 540 });
    now += 479_000;
    expect(await jwt.token()).toBe(first);
    now += 1_000; // 60 s before exp: replaced
    const second = await jwt.token();
    expect(second).not.toBe(first);
    expect(decodeJwt(second).iat).toBe(1_800_000_480 - 60);
  });
});

describe('both key formats mint tokens at the fake GitHub', () => {
  let api: FakeGitHubApi;
  beforeAll(async () => {
    api = await startFakeGitHubApi({ apps: [{ publicKey: readFileSync(pkcs1, 'utf8') }] });
  });
  afterAll(() => api.close());

  it.each([
    ['PKCS#1 from a file', { private_key_file: pkcs1 }],
    ['PKCS#8 from a file', { private_key_file: pkcs8 }],
    ['PKCS#1 from the environment, newlines escaped', { private_key_env: 'APP_KEY' }],
  ])('%s', async (_what, keyConfig) => {
    const bed = await startTestBed({
      env: { APP_KEY: readFileSync(pkcs1, 'utf8').replace(/\n/g, '\\n') },
      config: () => ({
        github_apps: { main: { app_id: api.app.appId, owner: 'octo-org', api_url: api.url, ...keyConfig } },
        secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } } },
        policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['GH_TOKEN'] }],
      }),
    });
    try {
      const a = await exchangeOver(bed.url, { token: await bed.github.mint(bed.github.claimsFor({})) });
      expect(a.status).toBe(200);
      const token = (a.json.secrets as Record<string, string>).GH_TOKEN!;
      expect(api.isAlive(token)).toBe(true);
      // The start-up line names the key by the fingerprint GitHub shows, never by its content.
      const line = JSON.parse(bed.log.find((l) => l.includes('"event":"github_app"'))!) as Record<string, unknown>;
      expect(line.key_fingerprint).toBe(`SHA256:${opensslFingerprint(pkcs1)}`);
      expect(String(line.msg)).toContain(`SHA256:${opensslFingerprint(pkcs1)}`);
      expect(bed.log.join('')).not.toContain(token);
    } finally {
      await bed.close();
    }
  });
});
