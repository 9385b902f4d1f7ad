// Configuration checks that keep a broker from serving something the clients will refuse or a lookup that
// can reach Object.prototype: secret names from the reserved-name list the GitHub Action and the GitLab
// component use, issuer URLs normalised (a trailing slash still matches), Object.hasOwn wherever a name is
// looked up, and the `store:` mapping with a password from the environment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { exportNameProblem } from '../../src/client/reserved-names.js';
import { AUDIENCE, exchangeOver, startTestBed, type TestBed } from '../helpers/broker.js';
import { startIssuers, type Issuers } from '../scale/bed.js';

let iss: Issuers;
beforeAll(async () => {
  iss = await startIssuers();
});
afterAll(async () => {
  await iss?.close();
});

function raw(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [{ id: 'github', issuer: iss.github.url, kind: 'github' }],
    secrets: { DB_PASSWORD: { value: 'v' } },
    policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['DB_PASSWORD'] }],
    ...extra,
  };
}

async function problems(extra: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const e = await buildConfig(raw(extra), '/test/checks.yaml', { env, checkSources: true }).then(() => undefined, (x: unknown) => x);
  return e instanceof ConfigError ? e.problems : [];
}

describe('secret names the clients refuse', () => {
  it.each(['PATH', 'GITHUB_TOKEN', 'GITLAB_DEPLOY_TOKEN', 'LD_PRELOAD', 'NODE_OPTIONS', 'BASH_ENV'])('%s is a configuration error naming the reason', async (name) => {
    // The broker's check and the clients' agree: both come from src/client/reserved-names.ts.
    expect(exportNameProblem(name)).toBeDefined();
    const found = await problems({ secrets: { [name]: { value: 'v' }, DB_PASSWORD: { value: 'v' } } });
    expect(found).toEqual([expect.stringMatching(new RegExp(`^secrets\\.${name}: the name is reserved \\(.+\\); the GitHub Action and the GitLab component refuse to export it, so choose another name$`))]);
  });

  it('ordinary names load', async () => {
    expect(await problems({ secrets: { DB_PASSWORD: { value: 'v' }, NPM_AUTH: { value: 'v' }, DEPLOY_KEY: { value: 'v' } } })).toEqual([]);
  });
});

describe('names looked up with Object.hasOwn', () => {
  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty'])('a policy granting %s is a configuration error, not a 500', async (name) => {
    const found = await problems({ policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: [name] }] });
    expect(found).toEqual([`policies[0].secrets[0]: ${JSON.stringify(name)} is not defined under secrets`]);
  });

  it('a field named after an Object.prototype member is a missing field', async () => {
    const { fieldOf } = await import('../../src/broker/sources/backend.js');
    expect(() => fieldOf({ password: 'x' }, 'toString', 'doc')).toThrow('doc has no field "toString"');
    expect(fieldOf({ password: 'x' }, 'password', 'doc')).toBe('x');
  });
});

describe('issuer URLs', () => {
  let bed: TestBed;
  afterAll(async () => {
    await bed?.close();
  });

  it('a configured issuer with a trailing slash matches the issuer\'s tokens (normalised)', async () => {
    bed = await startTestBed({
      config: ({ github }) => ({
        issuers: [{ id: 'github', issuer: `${github.url}/`, kind: 'github' }],
        secrets: { DB_PASSWORD: { value: 'trailing-slash-secret' } },
        policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['DB_PASSWORD'] }],
      }),
    });
    expect(bed.broker.config.issuers[0]!.issuer).toBe(bed.github.url);
    const r = await exchangeOver(bed.url, { token: await bed.github.mint(bed.github.claimsFor()) });
    expect(r.status).toBe(200);
    expect(r.json.secrets).toEqual({ DB_PASSWORD: 'trailing-slash-secret' });
  });

  it('the same issuer listed with and without the slash is reported once', async () => {
    expect(await problems({ issuers: [{ id: 'a', issuer: iss.github.url, kind: 'github' }, { id: 'github', issuer: `${iss.github.url}//`, kind: 'github' }] })).toEqual([`issuers[1].issuer: ${iss.github.url} is listed twice`]);
  });
});

describe('store', () => {
  it('the mapping form takes the password from the environment and a CA for rediss://', async () => {
    const cfg = await buildConfig(raw({ store: { redis: { url: 'rediss://redis.internal:6380/2', password_env: 'REDIS_PASSWORD', key_prefix: 'ci:', startup_wait_seconds: 3 } } }), '/test/checks.yaml', {
      env: { REDIS_PASSWORD: 'redis-pw' },
      checkSources: true,
    });
    expect(cfg.store).toEqual({ kind: 'redis', redis: { url: 'rediss://redis.internal:6380/2', keyPrefix: 'ci:', commandTimeoutMs: 1000, connectTimeoutMs: 2000, password: 'redis-pw' } });
    expect(cfg.storeStartupWaitSeconds).toBe(3);
  });

  it.each([
    [{ redis: { url: 'redis://h:1', password_env: 'NOPE' } }, ['store.redis.password_env: environment variable NOPE is not set']],
    [{ redis: { url: 'redis://h:1', ca_file: '/nonexistent/ca.pem' } }, ['store.redis.ca_file: only a rediss:// (TLS) URL uses a CA', 'store.redis.ca_file: cannot read /nonexistent/ca.pem (ENOENT)']],
    [{ redis: { url: 'redis://:pw@h:1', password_env: 'P' } }, ['store.redis: the URL carries a password and password_env is set; keep the password out of the URL']],
    [{ redis: { url: 'redis://h:1?key_prefix=x' } }, ['store.redis.url: give key_prefix, command_timeout_ms and connect_timeout_ms as keys of store.redis, not as URL parameters']],
    [{ redis: { url: 'http://h:1' } }, ['store.redis.url: the store URL must start with redis:// or rediss://']],
    [42, ['store: must be "memory", a redis:// or rediss:// URL, or { redis: { url, password_env, ca_file, ... } }']],
  ])('%j is refused by its path', async (store, expected) => {
    expect(await problems({ store }, { P: 'x' })).toEqual(expected);
  });
});
