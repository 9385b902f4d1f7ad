// .github/dependabot.yml as GitHub reads it: type-checked against SchemaStore's Dependabot v2 schema (the
// @schemastore/dependabot-2.0 types, generated from the schema editors validate the file with), so a misspelt
// key or a value Dependabot does not accept fails here; a copy with such a mistake shows the check is live.
// Then what it must cover: every package.json and workflow folder in the repository, the Dockerfile's base
// image (pinned by digest), a weekly schedule, and grouped updates with security updates in their own group.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { ROOT } from '../helpers/action.js';

const run = promisify(execFile);
const TSC = join(ROOT, 'node_modules', 'typescript-native', 'bin', 'tsc');
const TYPES = join(ROOT, 'node_modules', '@schemastore', 'dependabot-2.0', 'index');
const text = readFileSync(join(ROOT, '.github', 'dependabot.yml'), 'utf8');
const config = parse(text) as {
  updates: Array<{ 'package-ecosystem': string; directory?: string; directories?: string[]; schedule: { interval: string }; groups?: Record<string, { 'applies-to'?: string }> }>;
};

const work = mkdtempSync(join(tmpdir(), 'oidcx-dependabot-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * The type checker's complaints about each value as a Dependabot configuration ([] for one that is), from one
 * run of the checker over all of them (each run costs a compiler start).
 */
async function schemaErrors(values: Record<string, unknown>): Promise<Record<string, string[]>> {
  const files = Object.entries(values).map(([name, value]) => {
    const file = join(work, `${name}.ts`);
    writeFileSync(file, `import type { GitHubDependabotV2Config } from '${TYPES}';\nexport const config = ${JSON.stringify(value, null, 2)} satisfies GitHubDependabotV2Config;\n`);
    return [name, file] as const;
  });
  let out = '';
  try {
    await run(process.execPath, [TSC, '--ignoreConfig', '--noEmit', '--strict', '--module', 'esnext', '--moduleResolution', 'bundler', '--types', '', ...files.map(([, f]) => f)]);
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? e);
  }
  const lines = out.split('\n').filter((l) => l.includes('error TS'));
  return Object.fromEntries(files.map(([name]) => [name, lines.filter((l) => l.includes(`${name}.ts(`))]));
}

const directoriesOf = (ecosystem: string) =>
  config.updates.filter((u) => u['package-ecosystem'] === ecosystem).flatMap((u) => u.directories ?? [u.directory!]);

describe('the Dependabot configuration', () => {
  // One checker run for the configuration and its mutated copies.
  const { updates, ...rest } = config;
  const checked = schemaErrors({
    committed: config,
    // (The schema leaves an update entry open to other keys, so a misspelling is shown at the top level.)
    misspelt: { ...rest, update: updates },
    interval: { ...config, updates: [{ ...updates[0], schedule: { interval: 'fortnightly' } }] },
    scope: { ...config, updates: [{ ...updates[0], groups: { all: { 'applies-to': 'all-updates', patterns: ['*'] } } }] },
  });

  it("is one by SchemaStore's Dependabot v2 schema", async () => {
    expect((await checked).committed).toEqual([]);
  }, 60_000);

  it('and that check refuses a misspelt key, an interval and a group scope Dependabot does not have', async () => {
    const { misspelt, interval, scope } = await checked;
    expect(misspelt!.join('\n')).toMatch(/"update"' does not exist/);
    expect(interval!.join('\n')).toMatch(/fortnightly/);
    expect(scope!.join('\n')).toMatch(/all-updates/);
  }, 60_000);

  it('covers every package.json we install from, the workflows and their local action, and the Dockerfile', () => {
    expect(directoriesOf('npm').sort()).toEqual(['/', '/test/runtimes/node22', '/test/runtimes/node24']);
    expect(directoriesOf('github-actions').sort()).toEqual(['/', '/.github/ci/after-cleanup']);
    expect(directoriesOf('docker')).toEqual(['/']);
  });

  it('runs weekly and groups every update; security updates have their own group', () => {
    for (const u of config.updates) {
      expect([u['package-ecosystem'], u.schedule.interval]).toEqual([u['package-ecosystem'], 'weekly']);
    }
    const npmRoot = config.updates.find((u) => u['package-ecosystem'] === 'npm' && u.directory === '/')!;
    expect(Object.keys(npmRoot.groups!).sort()).toEqual(['broker-runtime', 'security', 'test-tooling', 'toolkit']);
    expect(npmRoot.groups!.security!['applies-to']).toBe('security-updates');
  });

  it("the Dockerfile's base image is pinned by digest, so Dependabot has something to move", () => {
    const from = /^FROM (\S+)/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))![1]!;
    expect(from).toMatch(/^node:24-bookworm-slim@sha256:[0-9a-f]{64}$/);
  });
});
