// The scale tests' configuration, on fake issuers shared by several brokers in one test (src/harness/bed.ts
// starts them, and each broker, with its log captured): the multi-instance tests build two brokers on one
// store, the way two processes behind a load balancer would run.
import { AUDIENCE, startIssuers, type Issuers } from '../../src/harness/bed.js';

export { AUDIENCE, startIssuers, type Issuers };

/** Secret values the tests scan every log and response for. */
export const SECRET_VALUES = {
  DB_PASSWORD: 'db-pw-7f3a9c1e-never-print',
  API_KEY: 'api-key-2b8d4e6f-never-print',
  REGISTRY_TOKEN: 'gl-token-91c0aa77-never-print',
};

export interface ScaleConfigOptions {
  store: string;
  /** rate_limit for the github issuer. */
  githubRateLimit?: { requests: number; per_seconds: number };
  /** Extra keys per issuer entry. */
  issuerExtra?: Record<string, unknown>;
}

/**
 * github/octo-org/octo-repo on main: single use (the default). gitlab acme/platform/api: reusable
 * (`single_use: false`), so the tests can show what keeps working while the store is down.
 */
export function scaleConfig(iss: Issuers, opts: ScaleConfigOptions): Record<string, unknown> {
  return {
    audience: AUDIENCE,
    issuers: [
      { id: 'github', issuer: iss.github.url, kind: 'github', ...(opts.githubRateLimit ? { rate_limit: opts.githubRateLimit } : {}), ...(opts.issuerExtra ?? {}) },
      { id: 'gitlab', issuer: iss.gitlab.url, kind: 'gitlab', jwks_uri: iss.gitlab.jwksUri, ...(opts.issuerExtra ?? {}) },
    ],
    secrets: {
      DB_PASSWORD: { value: SECRET_VALUES.DB_PASSWORD },
      API_KEY: { value: SECRET_VALUES.API_KEY },
      REGISTRY_TOKEN: { value: SECRET_VALUES.REGISTRY_TOKEN },
    },
    policies: [
      { name: 'prod', issuer: 'github', claims: { repository: 'octo-org/octo-repo', ref: 'refs/heads/main' }, secrets: ['DB_PASSWORD', 'API_KEY'] },
      { name: 'gitlab-reusable', issuer: 'gitlab', single_use: false, claims: { project_path: 'acme/platform/api' }, secrets: ['REGISTRY_TOKEN'] },
    ],
    store: opts.store,
  };
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
