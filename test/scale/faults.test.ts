// Faults around the broker: an issuer whose JWKS flaps (down, resetting, hanging, rotating keys meanwhile),
// clients that are slow or vanish mid-request. The broker stays up, answers every request it can judge
// correctly, and answers 503 upstream_unavailable only when it truly cannot tell.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Socket } from 'node:net';
import { request } from 'undici';
import { exchangeOver, leaks } from '../helpers/broker.js';
import { SECRET_VALUES, scaleConfig, startIssuers, type Issuers } from './bed.js';
import { startBed, type Bed } from '../../src/harness/bed.js';

let iss: Issuers;
let b: Bed;
let port: number;

beforeAll(async () => {
  iss = await startIssuers();
  const raw = scaleConfig(iss, {
    store: 'memory',
    // Refresh keys constantly and never wait between attempts, so the flapping is felt by every request.
    issuerExtra: { jwks_refresh_seconds: 1, jwks_cooldown_seconds: 0, jwks_timeout_seconds: 0.3 },
  });
  raw.listen = { request_timeout_seconds: 1 };
  b = await startBed({ issuers: iss, config: raw });
  port = Number(new URL(b.url).port);
});

afterAll(async () => {
  await b?.close();
  await iss?.close();
  expect(leaks(b.log.join(''), Object.values(SECRET_VALUES))).toEqual([]);
});

const mint = (tag: string) => iss.github.mint({ ...iss.github.claimsFor(), sub: `repo:octo-org/octo-repo:ref:refs/heads/main#${tag}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an issuer whose JWKS flaps', () => {
  it('known keys keep working through down/reset/hang; a key rotated in while down is 503, then works', async () => {
    expect((await exchangeOver(b.url, { token: await mint('warm') })).status).toBe(200);
    const oldKeyTokens = await Promise.all(Array.from({ length: 120 }, (_, i) => mint(`flap-${i}`)));

    let flapping = true;
    const modes = ['down', 'reset', 'hang', 'up'] as const;
    const flapper = (async () => {
      for (let i = 0; flapping; i++) {
        iss.github.setMode(modes[i % modes.length]!);
        await sleep(40);
      }
      iss.github.setMode('up');
    })();

    const answers = [];
    for (const token of oldKeyTokens) {
      answers.push(await exchangeOver(b.url, { token }));
      if (answers.length % 10 === 0) await sleep(20);
    }
    // Rotate while the issuer is unreachable: the broker cannot fetch the new key.
    flapping = false;
    await flapper;
    iss.github.setMode('down');
    await sleep(400); // let a key fetch started while it was up finish (jwks_timeout_seconds is 0.3)
    await iss.github.rotate();
    const newKeyToken = await mint('rotated');
    const whileDown = await exchangeOver(b.url, { token: newKeyToken });
    iss.github.setMode('up');
    const afterUp = await exchangeOver(b.url, { token: newKeyToken });

    expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
    expect(whileDown.status).toBe(503);
    expect(whileDown.json.error).toBe('upstream_unavailable');
    expect(afterUp.status).toBe(200);
    // The flapping really happened: failed fetches were counted.
    const metrics = await (await request(`${b.url}/metrics`)).body.text();
    expect(metrics).toMatch(/oidc_exchange_key_fetches_total\{issuer="github",outcome="error"\} [1-9]/);
  });
});

/** Opens a raw connection and writes `text` one chunk per `everyMs`, reporting what came back and when. */
function trickle(text: string, everyMs: number, chunk = 1): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const sock = new Socket();
    let answer = '';
    let i = 0;
    const timer = setInterval(() => {
      if (i >= text.length || sock.destroyed) return clearInterval(timer);
      sock.write(text.slice(i, i + chunk));
      i += chunk;
    }, everyMs);
    sock.on('data', (d) => (answer += d.toString()));
    sock.on('error', () => undefined);
    sock.on('close', () => {
      clearInterval(timer);
      resolve({ answer, ms: Date.now() - started });
    });
    sock.connect(port, '127.0.0.1');
  });
}

describe('slow and vanishing clients', () => {
  it('a client trickling its headers is cut off after the request timeout while others are served', async () => {
    const token = await mint('slow-headers');
    const slow = trickle(`POST /v1/exchange HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Length: 0\r\n\r\n`, 50, 2);
    await sleep(100);
    const started = Date.now();
    const fast = await exchangeOver(b.url, { token: await mint('fast-1') });
    expect(fast.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    const got = await slow;
    expect(got.answer.split("\r\n")[0]).toMatch(/^HTTP\/1\.1 408 /);
    expect(got.ms).toBeLessThan(5000);
    // Its token was never exchanged (the request never reached the exchange).
    expect((await exchangeOver(b.url, { token })).status).toBe(200);
  });

  it('a client trickling its body is cut off after the request timeout', async () => {
    const token = await mint('slow-body');
    const body = '{"secrets":["DB_PASSWORD"]}';
    const head = `POST /v1/exchange HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const got = await trickle(head + body, 80, 8);
    expect(got.answer.split("\r\n")[0]).toMatch(/^HTTP\/1\.1 408 /);
    expect(got.ms).toBeLessThan(5000);
    expect((await exchangeOver(b.url, { token })).status).toBe(200);
  });

  it('clients that drop mid-request leave the broker up, and their tokens unspent', async () => {
    const tokens = await Promise.all(Array.from({ length: 30 }, (_, i) => mint(`drop-${i}`)));
    await Promise.all(
      tokens.map(
        (token, i) =>
          new Promise<void>((resolve) => {
            const sock = new Socket();
            sock.on('error', () => undefined);
            sock.on('close', () => resolve());
            sock.connect(port, '127.0.0.1', () => {
              const full = `POST /v1/exchange HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Length: 100\r\n\r\n{"secrets":`;
              sock.write(full.slice(0, 20 + ((i * 37) % (full.length - 20))));
              setTimeout(() => sock.destroy(), 10);
            });
          }),
      ),
    );
    const after = await Promise.all(tokens.map((token) => exchangeOver(b.url, { token })));
    expect(after.map((a) => a.status)).toEqual(tokens.map(() => 200));
  });

  it('a client that sends the whole request and vanishes before the answer has spent its token (documented)', async () => {
    const token = await mint('lost-response');
    await new Promise<void>((resolve) => {
      const sock = new Socket();
      sock.on('error', () => undefined);
      sock.connect(port, '127.0.0.1', () => {
        sock.end(`POST /v1/exchange HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nContent-Length: 0\r\n\r\n`);
        sock.destroy();
        resolve();
      });
    });
    // The broker may or may not have read the request before the reset.
    let r = await exchangeOver(b.url, { token });
    expect([200, 401]).toContain(r.status);
    if (r.status === 200) {
      // The reset won the race: the broker never ran the exchange. Now it has, so the next one is a replay.
      r = await exchangeOver(b.url, { token });
    }
    expect(r.json.error).toBe('token_replayed');
    expect((await request(`${b.url}/healthz`)).statusCode).toBe(200);
  });
});
