// What the demo's steps share: the running demo (fake issuers, broker, fake GitHub API) they act on, what a
// step is, and how a step asks the broker for secrets. run.ts starts the demo and runs the steps; the
// steps-*.ts files hold them, and import only this module of the demo's.
import { request } from 'undici';
import type { Broker } from '../../broker/http/app.js';
import type { FakeGitHubApi } from '../fakes/github-api.js';
import type { FakeIssuer } from '../fakes/issuer.js';

export interface DemoContext {
  github: FakeIssuer;
  gitlab: FakeIssuer;
  broker: Broker;
  brokerUrl: string;
  audience: string;
  /** Scratch folder, removed at the end. */
  dir: string;
  /** Path of the broker configuration the demo wrote. */
  configPath: string;
  /** Every secret value the broker can hand out: the final step scans output for them. */
  secretValues: string[];
  /** Everything the broker logged. */
  brokerLog: string[];
  /** The fake GitHub API the broker's GitHub App mints tokens at. */
  githubApi?: FakeGitHubApi;
  /** The pre-shared token the broker's revocation API expects (as GitLab would send it). */
  revocationToken?: string;
  /** Stops the broker (after the requests in flight), then the fake issuers and the fake GitHub API. */
  close(): Promise<void>;
}

export interface DemoStep {
  title: string;
  /** Returns a one-line summary; throws when the step did not behave as expected. */
  run(ctx: DemoContext): Promise<string>;
}

export interface ExchangeAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

export async function postExchange(ctx: DemoContext, token: string, opts: { body?: unknown; accept?: string } = {}): Promise<ExchangeAnswer> {
  const res = await request(`${ctx.brokerUrl}/v1/exchange`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: opts.accept ?? 'application/json', 'content-type': 'application/json' },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.body.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* text/plain answers */
  }
  return { status: res.statusCode, body, text };
}
