// What the tests share around a broker: the test bed (src/harness/bed.ts, for the harness too), an exchange as a
// client makes it, and the leak scan. startTestBed is the bed with the options the older tests name.
import { Writable } from 'node:stream';
import { request } from 'undici';
import { buildConfig } from '../../src/broker/config/load.js';
import { buildBroker } from '../../src/broker/http/app.js';
import { AUDIENCE, startBed, type Bed, type Doubles } from '../../src/harness/bed.js';
import type { FakeIssuer } from '../../src/harness/fakes/issuer.js';

export { AUDIENCE, startBed, type Bed };

export type TestBed = Bed;

export interface TestBedOptions {
  /** Extra or overriding top-level config; issuers default to the two fake issuers. */
  config?: (issuers: { github: FakeIssuer; gitlab: FakeIssuer } & Doubles) => Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
  configPath?: string;
  /** The broker's clock (default Date.now): lets a test move time forward. */
  now?: () => number;
  /**
   * Play a misconfigured or hostile broker that serves names the clients must refuse (PATH, LD_PRELOAD): the
   * broker's own refusal of those names is tested with buildConfig directly (test/broker/config-checks.test.ts).
   */
  servesReservedNames?: boolean;
}

export function startTestBed(opts: TestBedOptions = {}): Promise<TestBed> {
  return startBed({
    config: opts.config,
    env: opts.env,
    configPath: opts.configPath,
    broker: { now: opts.now },
    load: { acceptReservedNames: opts.servesReservedNames === true },
  });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, unknown>;
}

/** POST /v1/exchange the way a client would, returning what came back over the wire. */
export async function exchangeOver(url: string, opts: { authorization?: string; token?: string; body?: string; accept?: string; contentType?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (opts.authorization !== undefined) headers.authorization = opts.authorization;
  else if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await request(`${url}/v1/exchange`, { method: 'POST', headers, body: opts.body });
  const text = await res.body.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

/**
 * Which needles the haystack contains (for "no secret value was ever logged/printed"), described by position
 * and length only, so a failing assertion does not print the very value it caught.
 */
export function leaks(haystack: string, needles: string[]): string[] {
  return needles.flatMap((n, i) => (n.length > 0 && haystack.includes(n) ? [`value #${i} (${n.length} chars)`] : []));
}

/**
 * The status a broker loaded from `raw` (as the broker starts: sources checked, lint at load) answers to one
 * exchange of `token`; the broker is stopped afterwards. A configuration the broker refuses rejects with its
 * ConfigError.
 */
export async function exchangeStatus(raw: Record<string, unknown>, token: string): Promise<number> {
  const cfg = await buildConfig(raw, 'broker.yaml', { env: {}, checkSources: true });
  const broker = buildBroker(cfg, { logStream: new Writable({ write: (_c, _e, cb) => cb() }) });
  const url = await broker.app.listen({ host: '127.0.0.1', port: 0 });
  try {
    return (await exchangeOver(url, { token })).status;
  } finally {
    await broker.shutdown();
  }
}
