// Every fenced block in README.md, docs/ and the component's README says what it is, and each kind has a test
// that holds its blocks to the platform that reads them: a block nobody tests fails here, by file and line.
// Complete broker configurations are also loaded here through the broker's own loader (lint included), so
// one in a file no other test reads is still checked.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/broker/config/load.js';
import { docBlocks, repoRoot, where } from '../helpers/docs.js';

const SHELLS = ['sh', 'bash', 'shell'];

/** A block's kind (the first tag; the language for commands) and the tests that run blocks of that kind. */
const KINDS: Record<string, string[]> = {
  shell: ['test/docs/commands.dist.test.ts'],
  'github-workflow': ['test/docs/github-workflows.test.ts', 'test/docs/github-workflows.dist.test.ts'],
  'gitlab-ci': ['test/docs/gitlab-ci.test.ts', 'test/gitlab/gitlab-ci-local.dist.test.ts'],
  'broker-config': ['test/docs/coverage.test.ts', 'test/broker/policy-docs.test.ts', 'test/broker/docs.test.ts', 'test/broker/schema.dist.test.ts'],
  'systemd-unit': ['test/broker/docs-units.dist.test.ts'],
  // GitLab's Rails console settings for revocation: what an administrator types on their GitLab.
  'needs-platform': ['test/broker/docs.test.ts'],
  // What a command prints or a server answers: illustrations, compared with nothing.
  output: [],
};

const blocks = docBlocks();
const kindOf = (b: (typeof blocks)[number]) => (SHELLS.includes(b.lang) ? 'shell' : (b.tags[0] ?? ''));

describe('every documented block', () => {
  it('has a known kind', () => {
    const unknown = blocks.filter((b) => !(kindOf(b) in KINDS)).map((b) => `${where(b)}: \`\`\`${[b.lang, ...b.tags].join(' ')}`);
    expect(unknown).toEqual([]);
  });

  it.each(Object.entries(KINDS).filter(([, tests]) => tests.length > 0))('%s blocks are read by a test that names the kind', (kind, tests) => {
    const needle = kind === 'shell' ? "'sh'" : kind;
    for (const test of tests) expect([test, readFileSync(join(repoRoot, test), 'utf8').includes(needle)]).toEqual([test, true]);
  });
});

const configs = blocks.filter((b) => b.tags[0] === 'broker-config' && !b.tags.includes('fragment'));

describe.each(configs.map((b) => [where(b), b] as const))('%s', (_at, b) => {
  it('loads through the broker configuration loader with no lint finding', async () => {
    const config = await parseConfig(b.text, where(b), { checkSources: false });
    expect(config.lintFindings).toEqual([]);
    await config.backends?.close();
  });
});
