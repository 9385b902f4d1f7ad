// examples/demo.yaml pointed at the harness's doubles: its issuers at the fake issuers (with their kind, since a
// loopback URL does not say which platform it stands for) and its GitHub App at the fake GitHub API, whose key
// is written where demo.yaml names it. The demo and the tests that run documented workflows against the demo
// broker both start their broker from this.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { FakeGitHubApi } from '../fakes/github-api.js';
import type { FakeIssuer } from '../fakes/issuer.js';

/** Where the repository's examples/ folder is, from the source tree or from a bundle. */
export function examplesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'examples');
    if (existsSync(join(candidate, 'demo.yaml'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('cannot find examples/demo.yaml next to the oidc-exchange installation');
}

export interface DemoDoubles {
  github: FakeIssuer;
  gitlab: FakeIssuer;
  api?: FakeGitHubApi;
}

interface DemoYaml {
  audience: string;
  issuers: Array<{ id: string; issuer: string; kind?: string; jwks_uri?: string }>;
  github_apps?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * demo.yaml with its issuers and GitHub App at `doubles`. `dir` is the folder the configuration's relative file
 * references resolve from: the fake GitHub API's key is written there (0600) under the name demo.yaml gives.
 */
export function demoConfig(doubles: DemoDoubles, dir: string): DemoYaml {
  const raw = parse(readFileSync(join(examplesDir(), 'demo.yaml'), 'utf8')) as DemoYaml;
  for (const i of raw.issuers) {
    const fake = i.id === 'github' ? doubles.github : doubles.gitlab;
    i.issuer = fake.url;
    i.kind = fake.kind;
    if (i.jwks_uri) i.jwks_uri = fake.jwksUri;
  }
  const apps = Object.values(raw.github_apps ?? {});
  if (apps.length > 0) {
    if (!doubles.api) throw new Error('demo.yaml has a GitHub App: start the fake GitHub API with the demo broker');
    writeFileSync(join(dir, 'demo-github-app.pem'), doubles.api.app.privateKeyPem!, { mode: 0o600 });
    for (const app of apps) Object.assign(app, { api_url: doubles.api.url, app_id: String(doubles.api.app.appId) });
  }
  return raw;
}
