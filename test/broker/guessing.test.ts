// Guessing the admin or revocation token is slowed per source (issue 18, item 8): after ten wrong tokens from
// one address every request from it, with the right token too, is refused with 429 and Retry-After for a lock
// that doubles with each further wrong token, while the right token from another address is accepted at once.
// Real requests over loopback from two source addresses (Linux answers for all of 127.0.0.0/8); the broker's
// clock is the test's, so the growing locks are checked without waiting for them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import { sourceOf } from '../../src/broker/http/guessing.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { leaks } from '../helpers/broker.js';

const ADMIN_TOKEN = 'admin-token-guessing-0123456789abcdef';
const REVOCATION_TOKEN = 'revocation-token-guessing-fedcba9876543210';

// Node's own client: undici 6 does not pass `localAddress` on to the socket.
const operator = '127.0.0.1';
const guesser = '127.0.0.2';
const revocationGuesser = '127.0.0.3';

let bed: Bed;
let clock = Date.parse('2026-12-05T12:00:00Z');
const advance = (seconds: number) => void (clock += seconds * 1000);

beforeAll(async () => {
  bed = await startBed({
    env: { ADMIN_TOKEN, REVOCATION_TOKEN, DB_PASSWORD: 'guessing-db-password-value' },
    config: () => ({
      secrets: { DB_PASSWORD: { env: 'DB_PASSWORD' } },
      policies: [{ name: 'deploy', issuer: 'github', claims: { repository_owner_id: '1', repository_id: '2', ref: 'refs/heads/main' }, secrets: ['DB_PASSWORD'] }],
      admin: { token_env: 'ADMIN_TOKEN' },
      // A shared allowance far above what this test sends, so only the per-source lock can answer 429.
      revocation: { token_env: 'REVOCATION_TOKEN', rate_limit: { requests: 1000, per_seconds: 60 } },
    }),
    broker: { now: () => clock, loadConfig: async () => bed.broker.config },
  });
});
afterAll(async () => {
  await bed?.close();
});

interface Answer {
  status: number;
  retryAfter?: string;
  error?: string;
}

/** One request from `source` (a fresh connection bound to that address). */
function send(source: string, method: string, path: string, authorization: string): Promise<Answer> {
  const { hostname, port } = new URL(bed.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, method, path, localAddress: source, agent: false, headers: { authorization } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const error = text ? (JSON.parse(text) as { error?: string }).error : undefined;
        resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], error });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const reload = (source: string, token: string) => send(source, 'POST', '/-/reload', `Bearer ${token}`);
const revocationTypes = (source: string, token: string) => send(source, 'GET', '/v1/revocable_token_types', token);

describe('wrong admin and revocation tokens lock their source out', () => {
  it('ten wrong admin tokens lock 127.0.0.2 (the right token too) for 1 s; 127.0.0.1 is unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await reload(guesser, `wrong-admin-token-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));

    const locked = await reload(guesser, ADMIN_TOKEN);
    expect(locked).toEqual({ status: 429, retryAfter: '1', error: 'rate_limited' });
    // The lock covers the source, not one API.
    expect((await revocationTypes(guesser, REVOCATION_TOKEN)).status).toBe(429);

    expect(await reload(operator, ADMIN_TOKEN)).toMatchObject({ status: 200 });
    expect((await revocationTypes(operator, REVOCATION_TOKEN)).status).toBe(200);
  });

  it('each further wrong token doubles the lock, up to 15 minutes', async () => {
    advance(1.5);
    expect((await reload(guesser, ADMIN_TOKEN)).status).toBe(200);
    const waits: string[] = [];
    for (let i = 0; i < 14; i++) {
      expect((await reload(guesser, `wrong-admin-token-again-${i}`)).status).toBe(401);
      const refused = await reload(guesser, ADMIN_TOKEN);
      expect(refused.status).toBe(429);
      waits.push(refused.retryAfter!);
      advance(Number(refused.retryAfter) + 0.5);
    }
    expect(waits).toEqual(['2', '4', '8', '16', '32', '64', '128', '256', '512', '900', '900', '900', '900', '900']);
    // While locked, a wrong token is refused like the right one, not counted again (nothing is learnt from it).
    expect((await reload(guesser, 'wrong-admin-token-last')).status).toBe(401);
    expect((await reload(guesser, 'wrong-admin-token-while-locked')).status).toBe(429);
    expect((await reload(operator, ADMIN_TOKEN)).status).toBe(200);
  });

  it('wrong revocation tokens lock their source too, for the admin API as well', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await revocationTypes(revocationGuesser, `wrong-revocation-token-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expect(await revocationTypes(revocationGuesser, REVOCATION_TOKEN)).toEqual({ status: 429, retryAfter: '1', error: 'rate_limited' });
    expect((await reload(revocationGuesser, ADMIN_TOKEN)).status).toBe(429);
    expect((await revocationTypes(operator, REVOCATION_TOKEN)).status).toBe(200);
  });

  it('a source quiet for an hour starts again from zero', async () => {
    advance(3600 + 900);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await revocationTypes(revocationGuesser, `wrong-after-quiet-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    expect((await revocationTypes(revocationGuesser, REVOCATION_TOKEN)).retryAfter).toBe('1');
  });

  it('no token is logged', () => {
    expect(leaks(bed.log.join(''), [ADMIN_TOKEN, REVOCATION_TOKEN])).toEqual([]);
  });
});

describe('the unit a source is counted by', () => {
  it.each([
    ['127.0.0.2', '127.0.0.2'],
    ['::ffff:127.0.0.2', '127.0.0.2'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s counts as %s', (remote, unit) => {
    expect(sourceOf(remote)).toBe(unit);
  });
});
