// The github_apps, github_app and revocation sections: every problem reported by its path, all at once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { newAppKey } from '../../src/harness/fakes/github-api.js';

const dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-ghconfig-'));
let pem = '';
beforeAll(async () => {
  pem = (await newAppKey()).privateKeyPem;
  writeFileSync(join(dir, 'app.pem'), pem);
  writeFileSync(join(dir, 'revocation-token'), 'a-long-enough-pre-shared-token\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function base(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    audience: 'https://broker.example.com',
    issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com' }],
    secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-repo'], permissions: { contents: 'read' } } } },
    github_apps: { main: { app_id: '123', private_key_file: 'app.pem', owner: 'octo-org' } },
    policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['GH_TOKEN'] }],
    ...extra,
  };
}

async function problems(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  try {
    await buildConfig(raw, join(dir, 'broker.yaml'), { env, checkSources: true });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('github_apps and github_app configuration', () => {
  it('accepts an app with a key file relative to the configuration, and a revocation token file', async () => {
    const cfg = await buildConfig(base({ revocation: { token_file: 'revocation-token' } }), join(dir, 'broker.yaml'), { env: {}, checkSources: true });
    const app = cfg.githubApps.get('main')!;
    expect(app.settings).toMatchObject({ issuer: '123', owner: 'octo-org', apiUrl: 'https://api.github.com' });
    expect(app.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}=$/);
    expect(cfg.secrets.get('GH_TOKEN')!.kind).toBe('github_app');
    expect(cfg.revocation).toEqual({ tokens: ['a-long-enough-pre-shared-token'], tokenOrigin: `file ${join(dir, 'revocation-token')}`, rateLimit: { requests: 60, perSeconds: 60 }, bodyLimitBytes: 16 * 1024 * 1024, concurrency: 32, answerWithinSeconds: 15 });
  });

  it.each([
    ['both app_id and client_id', { github_apps: { main: { app_id: '1', client_id: 'Iv1.x', private_key_file: 'app.pem', owner: 'o' } } }, 'github_apps.main: set exactly one of app_id or client_id'],
    ['no key', { github_apps: { main: { app_id: '1', owner: 'o' } } }, 'github_apps.main: set exactly one of private_key_file or private_key_env'],
    ['an unreadable key file', { github_apps: { main: { app_id: '1', private_key_file: 'missing.pem', owner: 'o' } } }, `github_apps.main.private_key_file: cannot read ${join(dir, 'missing.pem')} (ENOENT)`],
    ['an unset key variable', { github_apps: { main: { app_id: '1', private_key_env: 'NOPE', owner: 'o' } } }, 'github_apps.main.private_key_env: environment variable NOPE is not set'],
    ['plain http to a remote API', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', api_url: 'http://ghe.example.com/api/v3' } } }, 'github_apps.main.api_url: must use https'],
    ['an owner that is not a GitHub login', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'octo org' } } }, 'github_apps.main.owner: must match pattern'],
    ['an unknown key', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', installation: 5 } } }, 'github_apps.main.installation: unknown key'],
    ['a pool App without a key', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', pool: [{ app_id: '2' }] } } }, 'github_apps.main.pool[0]: set exactly one of private_key_file or private_key_env'],
    ['a pool App with an unset key variable', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', pool: [{ app_id: '2', private_key_env: 'NOPE' }] } } }, 'github_apps.main.pool[0].private_key_env: environment variable NOPE is not set'],
    ['the same App twice in a pool', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', pool: [{ app_id: '2', private_key_file: 'app.pem' }, { app_id: '1', private_key_file: 'app.pem' }] } } }, 'github_apps.main.pool[1]: the same app as github_apps.main; each app of a pool must be a different GitHub App'],
    ['a pool App with settings of its own', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', pool: [{ app_id: '2', private_key_file: 'app.pem', owner: 'p' }] } } }, 'github_apps.main.pool[0].owner: unknown key'],
    ['more concurrent requests than GitHub allows', { github_apps: { main: { app_id: '1', private_key_file: 'app.pem', owner: 'o', max_concurrent_requests: 101 } } }, 'github_apps.main.max_concurrent_requests: must be <= 100'],
    ['a secret naming an undefined app', { secrets: { GH_TOKEN: { github_app: { app: 'other', permissions: { contents: 'read' } } } } }, 'secrets.GH_TOKEN.github_app.app: "other" is not defined under github_apps (known: main)'],
    ['a permission level that does not exist', { secrets: { GH_TOKEN: { github_app: { app: 'main', permissions: { contents: 'all' } } } } }, 'secrets.GH_TOKEN.github_app.permissions.contents: must be one of read, write, admin'],
    ['a grant without permissions', { secrets: { GH_TOKEN: { github_app: { app: 'main' } } } }, 'secrets.GH_TOKEN.github_app.permissions: is required'],
    ['a repository with its owner', { secrets: { GH_TOKEN: { github_app: { app: 'main', repositories: ['octo-org/octo-repo'], permissions: { contents: 'read' } } } } }, 'secrets.GH_TOKEN.github_app.repositories[0]: must match pattern'],
    ['github_app next to env', { secrets: { GH_TOKEN: { env: 'X', github_app: { app: 'main', permissions: { contents: 'read' } } } } }, 'secrets.GH_TOKEN: takes exactly one source'],
    ['both token_env and token_file', { revocation: { token_env: 'T', token_file: 't' } }, 'revocation: set exactly one of token_env or token_file'],
    ['an unset revocation token', { revocation: { token_env: 'REVOKE' } }, 'revocation.token_env: environment variable REVOKE is not set'],
    ['a short revocation token', { revocation: { token_env: 'SHORT' } }, 'revocation.token_env: a pre-shared token is shorter than 16 characters'],
    ['a rate limit without a window', { revocation: { token_env: 'T', rate_limit: { requests: 5 } } }, 'revocation.rate_limit.per_seconds: is required'],
  ])('reports %s by its path', async (_what, extra, expected) => {
    const found = await problems(base(extra), { SHORT: 'abc', T: 'a-long-enough-pre-shared-token' });
    expect(found.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('`check` (no source checks) loads a configuration whose key and revocation token are not on this machine', async () => {
    const raw = base({
      github_apps: { main: { app_id: '1', private_key_file: '/nonexistent/app.pem', owner: 'o' } },
      revocation: { token_env: 'NOT_HERE' },
    });
    const cfg = await buildConfig(raw, join(dir, 'broker.yaml'), { env: {}, checkSources: false });
    expect(cfg.githubApps.get('main')!.fingerprint).toBeUndefined();
    expect(cfg.revocation!.tokens).toBeUndefined();
    await expect(cfg.secrets.get('GH_TOKEN')!.resolve({ policy: 'p' })).rejects.toMatchObject({ code: 'secret_unavailable' });
  });

  it.each([
    ['github_apps is not a mapping', { github_apps: 'main' }, 'github_apps: must be object'],
    ['an app is not a mapping', { github_apps: { main: 'x' } }, 'github_apps.main: must be object'],
    ['a key path that is not a string', { github_apps: { main: { app_id: '1', private_key_file: 5, owner: 'o' } } }, 'github_apps.main.private_key_file: must be string'],
    ['github_app that is not a mapping', { secrets: { GH_TOKEN: { github_app: null } } }, 'secrets.GH_TOKEN.github_app: must be object'],
    ['revocation that is not a mapping', { revocation: 'yes' }, 'revocation: must be object'],
    ['a revocation token variable that is not a string', { revocation: { token_env: 5 } }, 'revocation.token_env: must be string'],
  ])('a wrongly shaped section (%s) is reported, not a crash', async (_what, extra, expected) => {
    const found = await problems(base(extra));
    expect(found).toContain(expected);
    expect(found.filter((p) => /is not defined under/.test(p))).toEqual([]);
  });

  it('names what is wrong with a key that is not an RSA private key, and never prints it', async () => {
    const found = await problems(base({ github_apps: { main: { app_id: '1', private_key_env: 'K', owner: 'o' } } }), { K: 'ghs_notakey' });
    expect(found).toEqual([expect.stringMatching(/^github_apps\.main\.private_key_env: the key is not a PEM private key/)]);
    expect(found.join('')).not.toContain('ghs_notakey');
  });
});
