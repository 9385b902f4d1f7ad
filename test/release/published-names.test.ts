// The names users copy from the docs are the ones this project publishes, pinned (docs/releases.md):
//  - docs/releases.md says once where oidc-exchange is published (github.com/<owner>/oidc-exchange), and every
//    action reference, repository URL and GHCR image in the docs names that same owner, so renaming it is one
//    consistent change and no snippet points at somebody else's name;
//  - every `uses:` in a documented workflow is a full commit SHA with a version comment, the action's comment
//    being this release (package.json's version), and every npm install line names that exact version.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docBlocks, docFiles, repoRoot, where } from '../helpers/docs.js';

const files = [...docFiles(), 'SECURITY.md'];
const read = (f: string) => readFileSync(join(repoRoot, f), 'utf8');
const version = (JSON.parse(read('package.json')) as { version: string }).version;
const statement = /published \*\*only\*\* from the GitHub repository `github\.com\/([\w.-]+)\/oidc-exchange`/.exec(read('docs/releases.md'));

it('docs/releases.md says where oidc-exchange is published, and that a name elsewhere is not ours', () => {
  expect(statement).not.toBeNull();
  expect(read('docs/releases.md')).toMatch(/of that name anywhere else is not ours/);
  for (const f of ['README.md', 'SECURITY.md']) expect([f, read(f).includes('docs/releases.md')]).toEqual([f, true]);
});

describe.each(files)('%s', (file) => {
  const text = read(file);
  const owner = statement?.[1];

  it('names only the owner the project is published under', () => {
    const names = [
      ...[...text.matchAll(/\b([\w.-]+)\/oidc-exchange@/g)].map((m) => m[1]),
      ...[...text.matchAll(/github\.com\/([\w.-]+)\/oidc-exchange\b/g)].map((m) => m[1]),
      ...[...text.matchAll(/ghcr\.io\/([\w.-]+)\/oidc-exchange/g)].map((m) => m[1]),
    ];
    expect(names.filter((n) => n !== owner)).toEqual([]);
  });

  it('installs the npm package at this exact version only', () => {
    const refs = [...text.matchAll(/\boidc-exchange@([^\s`'"<)]+)/g)].map((m) => m[1]!).filter((r) => !/^[0-9a-f]{40}$/.test(r));
    expect(refs.filter((r) => r !== version)).toEqual([]);
  });
});

const workflows = docBlocks().filter((b) => b.lang === 'yaml' && b.tags.includes('github-workflow'));

describe.each(workflows.map((b) => [where(b), b] as const))('%s', (_where, block) => {
  it('pins every action by a full commit SHA with its version in a comment; this action at this release', () => {
    const uses = block.text.split('\n').flatMap((l) => {
      const m = /^\s*(?:-\s+)?uses:\s*(\S+)\s*(#.*)?$/.exec(l);
      return m ? [{ ref: m[1]!, comment: (m[2] ?? '').trim() }] : [];
    });
    expect(uses.length).toBe((block.text.match(/\buses:/g) ?? []).length);
    const bad = uses.filter((u) => !/@[0-9a-f]{40}$/.test(u.ref) || !/^# v\d+\.\d+\.\d+$/.test(u.comment));
    expect(bad).toEqual([]);
    for (const u of uses.filter((x) => /\/oidc-exchange@/.test(x.ref))) expect(u.comment).toBe(`# v${version}`);
  });
});
