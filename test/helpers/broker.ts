// Starts real fake issuers and a real broker on loopback for a test file, with the broker's log captured
// so the test can scan it for secret values and tokens.
import { Writable } from 'node:stream';
import { request } from 'undici';
import { buildConfig } from '../../src/broker/config/load.js';
import { buildBroker, type Broker } from '../../src/broker/http/app.js';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';

export const AUDIENCE = 'https://broker.test.oidc-exchange.dev';

export interface TestBed {
  github: FakeIssuer;
  gitlab: FakeIssuer;
  broker: Broker;
  url: string;
  /** Everything the broker logged, line by line. */
  log: string[];
  close(): Promise<void>;
}

export interface TestBedOptions {
  /** Extra or overriding top-level config; issuers default to the two fake issuers. */
  config?: (issuers: { github: FakeIssuer; gitlab: FakeIssuer }) => Record<string, unknown>;
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

export async function startTestBed(opts: TestBedOptions = {}): Promise<TestBed> {
  const [github, gitlab] = await Promise.all([
    startFakeIssuer({ kind: 'github', audience: AUDIENCE }),
    startFakeIssuer({ kind: 'gitlab', audience: AUDIENCE }),
  ]);
  const raw = {
    audience: AUDIENCE,
    issuers: [
      { id: 'github', issuer: github.url, kind: 'github' },
      { id: 'gitlab', issuer: gitlab.url, kind: 'gitlab', jwks_uri: gitlab.jwksUri },
    ],
    ...(opts.config?.({ github, gitlab }) ?? {}),
  };
  const config = await buildConfig(raw, opts.configPath ?? '/test/broker.yaml', { env: opts.env ?? {}, checkSources: true, acceptReservedNames: opts.servesReservedNames === true });
  const log: string[] = [];
  const broker = buildBroker(config, {
    now: opts.now,
    logStream: new Writable({
      write(chunk: Buffer, _e, cb) {
        log.push(chunk.toString('utf8'));
        cb();
      },
    }),
  });
  const url = await broker.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    github,
    gitlab,
    broker,
    url,
    log,
    async close() {
      await broker.shutdown();
      await Promise.all([github.close(), gitlab.close()]);
    },
  };
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
