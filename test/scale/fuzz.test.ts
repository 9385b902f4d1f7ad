// Seeded fuzzing of the exchange over loopback: valid tokens and requests are mutated (characters, segments,
// claims, headers, algorithms, signing keys, bodies) and sent to a real broker. The oracle is independent of
// the broker's code:
//  - every GitHub token it starts from was already exchanged (its policy is single use), so no mutation of
//    one may ever be granted: a 200 would be a forgery or a replay getting through;
//  - a mutated GitLab token (reusable policy) may be granted only if its three parts still decode to the
//    very bytes of the original (base64url has a few spellings of the same bytes);
//  - a mutated request with a valid token is granted only when the body asks for what the policy grants,
//    in the documented shape; the secrets returned are then exactly those;
//  - no answer is a 5xx, every refusal is the API's JSON error, no secret value appears in a refusal or
//    in the log, and the broker is still up at the end.
// FUZZ_SEED=<n> reproduces a run; FUZZ_CASES=<n> changes its size (default 10000).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Pool } from 'undici';
import { SignJWT } from 'jose';
import { leaks } from '../helpers/broker.js';
import type { SigningKey } from '../../src/harness/fakes/issuer.js';
import { SECRET_VALUES, scaleConfig, startIssuers, type Issuers } from './bed.js';
import { startBed, type Bed } from '../../src/harness/bed.js';

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const CONCURRENCY = 32;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const b64 = (v: string) => Buffer.from(v).toString('base64url');

interface FuzzCase {
  kind: 'github-token' | 'gitlab-token' | 'request';
  mutation: string;
  authorization?: string;
  body?: string;
  accept?: string;
  contentType?: string;
  /** gitlab-token: the original token, to tell a respelling from a change. */
  original?: string;
}

let iss: Issuers;
let b: Bed;
let pool: Pool;
let spent: string[] = [];
let reusable: string[] = [];
let stray: SigningKey;

beforeAll(async () => {
  process.stdout.write(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} to reproduce), ${CASES} cases\n`);
  iss = await startIssuers();
  b = await startBed({ issuers: iss, config: scaleConfig(iss, { store: 'memory' }) });
  pool = new Pool(b.url, { connections: 16, pipelining: 1 });
  stray = await iss.github.strayKey();
  spent = await Promise.all(Array.from({ length: 24 }, (_, i) => iss.github.mint({ ...iss.github.claimsFor(), sub: `repo:octo-org/octo-repo:ref:refs/heads/main#fuzz${i}` })));
  reusable = await Promise.all(Array.from({ length: 4 }, () => iss.gitlab.mint()));
  // Spend every GitHub token once: from now on none of them, nor anything made from them, may be granted.
  for (const t of spent) {
    const r = await pool.request({ path: '/v1/exchange', method: 'POST', headers: { authorization: `Bearer ${t}` } });
    expect(r.statusCode).toBe(200);
    await r.body.dump();
  }
}, 60_000);

afterAll(async () => {
  await pool?.close();
  await b?.close();
  await iss?.close();
});

function generator(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[] | string): T => xs[int(xs.length)] as T;
  const randomString = (alphabet: string, max: number) => Array.from({ length: 1 + int(max) }, () => alphabet[int(alphabet.length)]).join('');
  const randomValue = (): unknown =>
    pick([
      () => null,
      () => int(2 ** 31),
      () => -1,
      () => rand() < 0.5,
      () => randomString(PRINTABLE, 20),
      () => [],
      () => [randomString(PRINTABLE, 5)],
      () => ({}),
      () => 'octo-org/octo-repo',
      () => 'refs/heads/main',
      () => 4102444800,
      () => '',
    ])();

  /** Character-level damage to one token string (keeps it a legal header value). */
  function mutateText(token: string): [string, string] {
    const parts = token.split('.');
    switch (int(10)) {
      case 0: {
        const i = int(token.length);
        return ['replace-char', token.slice(0, i) + pick(B64URL) + token.slice(i + 1)];
      }
      case 1: {
        const i = int(token.length);
        return ['insert-char', token.slice(0, i) + pick(PRINTABLE.replace(' ', '')) + token.slice(i)];
      }
      case 2: {
        const i = int(token.length);
        return ['delete-range', token.slice(0, i) + token.slice(i + 1 + int(8))];
      }
      case 3:
        return ['truncate', token.slice(0, int(token.length))];
      case 4:
        return ['append', token + randomString(B64URL + '.', 40)];
      case 5: {
        const i = int(3);
        const j = int(3);
        [parts[i], parts[j]] = [parts[j]!, parts[i]!];
        return ['swap-segments', parts.join('.')];
      }
      case 6: {
        parts[int(3)] = randomString(B64URL, 400);
        return ['random-segment', parts.join('.')];
      }
      case 7: {
        const i = int(3);
        parts[i] = parts[i]!.slice(0, int(parts[i]!.length + 1));
        return ['truncate-segment', parts.join('.')];
      }
      case 8: {
        const seg = parts[2]!;
        const i = int(seg.length);
        parts[2] = seg.slice(0, i) + pick(B64URL) + seg.slice(i + 1);
        return ['flip-signature-char', parts.join('.')];
      }
      default: {
        const copies = 1 + int(3);
        return ['duplicate-segment', [...parts, ...Array(copies).fill(parts[int(3)])].join('.')];
      }
    }
  }

  /** Claim- and header-level damage, keeping the original signature (or re-signing with a stray key). */
  async function mutateStructure(token: string): Promise<[string, string]> {
    const [h, p, s] = token.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    const claimNames = [...Object.keys(payload), 'admin', 'scope'];
    switch (int(6)) {
      case 0: {
        const c = pick(claimNames);
        payload[c] = randomValue();
        return [`claim-set:${c}`, `${h}.${b64(JSON.stringify(payload))}.${s}`];
      }
      case 1: {
        const c = pick(claimNames);
        delete payload[c];
        return [`claim-delete:${c}`, `${h}.${b64(JSON.stringify(payload))}.${s}`];
      }
      case 2: {
        header.alg = pick(['none', 'HS256', 'RS384', 'ES256', 'PS256', 'RS256', 'EdDSA', 'rs256', '', 'RSA']);
        return [`header-alg:${header.alg}`, `${b64(JSON.stringify(header))}.${p}.${s}`];
      }
      case 3: {
        const k = pick(['kid', 'typ', 'jku', 'x5u', 'jwk', 'crit', 'b64', 'x5t']);
        header[k] = randomValue();
        return [`header-set:${k}`, `${b64(JSON.stringify(header))}.${p}.${s}`];
      }
      case 4: {
        // A correctly signed token, but by a key the issuer never published, for claims of the attacker's choice.
        const c = pick(claimNames);
        payload[c] = randomValue();
        const forged = await new SignJWT(payload).setProtectedHeader({ ...(header as { alg: string }), alg: 'RS256', kid: rand() < 0.5 ? header.kid : stray.kid } as { alg: string }).sign(stray.privateKey);
        return ['stray-key', forged];
      }
      default:
        return ['alg-none', `${b64(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${p}.`];
    }
  }

  function mutateBody(): [string, string] {
    const names = ['REGISTRY_TOKEN', 'DB_PASSWORD', 'API_KEY', 'gitlab_token', '', 'NOPE', '__proto__', 'constructor', 'REGISTRY_TOKEN '];
    const valid = `{"secrets":["REGISTRY_TOKEN"]}`;
    switch (int(6)) {
      case 0:
        return ['names', JSON.stringify({ secrets: Array.from({ length: int(4) }, () => pick(names)) })];
      case 1: {
        const i = int(valid.length);
        return ['body-char', valid.slice(0, i) + pick(PRINTABLE + '\u0000\u00e9\ud83d\ude00') + valid.slice(i + 1)];
      }
      case 2:
        return ['body-truncate', valid.slice(0, int(valid.length))];
      case 3:
        return ['body-shape', JSON.stringify(pick([{ secrets: randomValue() }, randomValue(), { secrets: ['REGISTRY_TOKEN'], [pick(['x', 'policy', '__proto__'])]: randomValue() }]))];
      case 4:
        return ['body-random', randomString(PRINTABLE, 200)];
      default:
        return ['body-ok', pick([valid, '', '{}', ' \n', '{"secrets":["REGISTRY_TOKEN","REGISTRY_TOKEN"]}'])];
    }
  }

  return async function next(): Promise<FuzzCase> {
    const r = rand();
    if (r < 0.45) {
      const token = pick(spent);
      const [mutation, t] = rand() < 0.6 ? mutateText(token) : await mutateStructure(token);
      return { kind: 'github-token', mutation, authorization: `Bearer ${t}` };
    }
    if (r < 0.7) {
      const token = pick(reusable);
      const [mutation, t] = rand() < 0.6 ? mutateText(token) : await mutateStructure(token);
      return { kind: 'gitlab-token', mutation, authorization: `Bearer ${t}`, original: token };
    }
    const token = pick(reusable);
    const [mutation, body] = mutateBody();
    const scheme = pick(['Bearer ', 'Bearer ', 'Bearer ', 'bearer ', 'Bearer  ', 'Basic ', '', 'Bearer\t']);
    return {
      kind: 'request',
      mutation: `${mutation}+scheme:${JSON.stringify(scheme)}`,
      authorization: scheme + token,
      body,
      accept: pick(['application/json', 'text/plain', '*/*', 'text/plain;q=0', 'application/xml', 'text/plain, application/json;q=0.1']),
      contentType: pick(['application/json', 'text/plain', 'application/json; charset=utf-8', 'application/octet-stream']),
    };
  };
}

/** What the documented API must do with a request whose token is valid and reusable. */
function requestShouldBeGranted(c: FuzzCase): boolean {
  if (!/^bearer[ \t]+/i.test(c.authorization ?? '')) return false;
  const body = c.body ?? '';
  if (body.trim() === '') return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return false;
  const keys = Object.keys(parsed);
  if (keys.some((k) => k !== 'secrets')) return false;
  const list = (parsed as { secrets?: unknown }).secrets;
  if (list === undefined) return true;
  return Array.isArray(list) && list.length > 0 && list.every((n) => n === 'REGISTRY_TOKEN');
}

function sameBytes(a: string, b: string): boolean {
  const pa = a.split('.');
  const pb = b.split('.');
  return pa.length === 3 && pa.every((seg, i) => /^[A-Za-z0-9_-]*$/.test(seg) && Buffer.from(seg, 'base64url').equals(Buffer.from(pb[i]!, 'base64url')));
}

describe('fuzzing the exchange', () => {
  it(`${CASES} mutated tokens and requests: nothing granted that should not be, no 5xx, no crash`, async () => {
    const next = generator(prng(SEED));
    const byCode = new Map<string, number>();
    const byKind = new Map<string, number>();
    const failures: string[] = [];
    const secretValues = Object.values(SECRET_VALUES);
    let sent = 0;

    async function one(c: FuzzCase): Promise<void> {
      const headers: Record<string, string> = { accept: c.accept ?? 'application/json' };
      if (c.authorization !== undefined) headers.authorization = c.authorization;
      if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
      const res = await pool.request({ path: '/v1/exchange', method: 'POST', headers, body: c.body });
      const text = await res.body.text();
      sent++;
      byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
      // A failure report shows the answer with every secret value blanked: test output never carries one.
      const shown = secretValues.reduce((t, v) => t.replaceAll(v, '***'), text.slice(0, 200));
      const fail = (why: string) => failures.push(`${why}: ${c.kind} ${c.mutation} -> ${res.statusCode} ${shown}`);
      if (res.statusCode >= 500) fail('5xx');
      if (res.statusCode !== 200) {
        let code = 'not-json';
        try {
          const j = JSON.parse(text) as { error?: unknown; message?: unknown };
          if (typeof j.error === 'string' && typeof j.message === 'string') code = j.error;
        } catch {
          /* counted as not-json */
        }
        if (code === 'not-json') fail('refusal is not the API error shape');
        if (leaks(text, secretValues).length) fail('secret in a refusal');
        byCode.set(code, (byCode.get(code) ?? 0) + 1);
        return;
      }
      byCode.set('granted', (byCode.get('granted') ?? 0) + 1);
      if (leaks(text, [SECRET_VALUES.DB_PASSWORD, SECRET_VALUES.API_KEY]).length) fail('GitHub policy secret granted');
      if (c.kind === 'github-token') fail('a spent single-use token (or a forgery made from it) was granted');
      if (c.kind === 'gitlab-token' && !sameBytes(c.authorization!.replace(/^Bearer /, ''), c.original!)) fail('a changed token was granted');
      if (c.kind === 'request' && !requestShouldBeGranted(c)) fail('an invalid request was granted');
      if (!text.includes(SECRET_VALUES.REGISTRY_TOKEN) && !text.includes(Buffer.from(SECRET_VALUES.REGISTRY_TOKEN).toString('base64'))) fail('granted without the secret');
    }

    const inflight = new Set<Promise<void>>();
    for (let i = 0; i < CASES; i++) {
      const c = await next();
      const p = one(c).catch((e: Error) => {
        failures.push(`transport error (${c.kind} ${c.mutation}): ${e.message}`);
      });
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
      if (inflight.size >= CONCURRENCY) await Promise.race(inflight);
    }
    await Promise.all(inflight);

    process.stdout.write(
      `fuzz: seed ${SEED}: ${sent} cases sent ${JSON.stringify(Object.fromEntries([...byKind].sort()))}; answers by code ${JSON.stringify(Object.fromEntries([...byCode].sort()))}\n`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
    expect(sent).toBe(CASES);

    const health = await pool.request({ path: '/healthz', method: 'GET' });
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    const log = b.log.join('');
    expect(leaks(log, Object.values(SECRET_VALUES))).toEqual([]);
    expect(log).not.toMatch(/"code":"internal_error"/);
  }, 120_000);
});
