// docs/policies.md as printed: every `yaml broker-config` block loads through the broker's own loader (lint
// included), every "Safe policies" example is reported by its rule when risky and passes clean when safe,
// and the rule list matches the linter's. Its `sh` commands run against the built CLI: policy-docs.dist.test.ts.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument, stringify } from 'yaml';
import { claimNumberSources, parseConfig } from '../../src/broker/config/load.js';
import { ConfigError } from '../../src/broker/errors.js';
import { lintConfig, RULES } from '../../src/broker/lint/index.js';
import { blocksOf, repoRoot, where, type DocBlock } from '../helpers/docs.js';

const FILE = 'docs/policies.md';
const blocks = blocksOf(FILE);
const configBlocks = blocks.filter((b) => b.tags.includes('broker-config') && !b.tags.includes('lint-example'));
const examples = blocks.filter((b) => b.tags.includes('lint-example'));
const docLines = readFileSync(join(repoRoot, FILE), 'utf8').split('\n');

/**
 * What a `fragment` is wrapped in: a complete, lint-clean configuration whose sections the fragment replaces
 * (top-level keys), or extends (a fragment of `secrets` entries, like the GH_TOKEN one).
 */
const BASE = {
  audience: 'https://broker.example.com',
  issuers: [
    { id: 'github', issuer: 'https://token.actions.githubusercontent.com' },
    { id: 'gitlab', issuer: 'https://gitlab.example.com' },
  ],
  secrets: { DB_PASSWORD: { env: 'PROD_DB_PASSWORD' }, DEPLOY_KEY: { file: '/etc/broker/deploy.key' }, TLS_KEY: { file: '/etc/broker/tls.key' } },
  github_apps: { main: { app_id: '123456', private_key_file: '/etc/broker/app.pem', owner: 'octo-org' } },
  policies: [{ name: 'prod-deploy', issuer: 'github', claims: { repository_owner_id: '9919', repository_id: '690210123', environment: 'production' }, secrets: ['DB_PASSWORD'] }],
};
const TOP_LEVEL = new Set(['listen', 'audience', 'issuers', 'secrets', 'policies', 'store', 'github_apps', 'revocation']);

function wrap(fragment: Record<string, unknown>): Record<string, unknown> {
  if (Object.keys(fragment).every((k) => TOP_LEVEL.has(k))) return { ...BASE, ...fragment };
  return { ...BASE, secrets: { ...BASE.secrets, ...fragment } };
}

/** Loads YAML text as the broker does (lint enforced); the problems, or [] when it loads. */
async function load(text: string): Promise<{ problems: string[]; findings: Array<{ rule: string }> }> {
  try {
    const cfg = await parseConfig(text, FILE, { checkSources: false });
    return { problems: [], findings: cfg.lintFindings };
  } catch (e) {
    if (e instanceof ConfigError) return { problems: e.problems, findings: [] };
    throw e;
  }
}

describe(`${FILE}: broker-config blocks load through the broker's loader`, () => {
  it('has the blocks this test expects', () => {
    expect(configBlocks.length).toBeGreaterThanOrEqual(7);
    // Every yaml block is tagged: a configuration (whole or fragment) or an illustration.
    for (const b of blocks.filter((x) => x.lang === 'yaml')) expect([where(b), b.tags.includes('broker-config')]).toEqual([where(b), true]);
  });

  it.each(configBlocks.map((b) => [where(b), b] as const))('%s', async (_w, b: DocBlock) => {
    const text = b.tags.includes('fragment') ? stringify(wrap(parse(b.text) as Record<string, unknown>)) : b.text;
    const r = await load(text);
    expect(r.problems).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

/** The rule an example illustrates: the `### \`rule-id\` (severity)` heading above it. */
function ruleOf(b: DocBlock): { id: string; severity: string } {
  for (let i = b.line - 1; i >= 0; i--) {
    const m = /^### `([a-z-]+)` \((error|warning)\)$/.exec(docLines[i]!);
    if (m) return { id: m[1]!, severity: m[2]! };
  }
  throw new Error(`${where(b)}: no rule heading above this example`);
}

/**
 * An example document is one policy without name and secrets (wrapped as policy `deploy` granting
 * DB_PASSWORD), a `policies:` list, an `audience:` or a `listen:`; each replaces its part of BASE. Built as text, so the
 * loader sees numbers as the example writes them.
 */
function exampleConfig(doc: string): string {
  const keys = Object.keys(parse(doc) as Record<string, unknown>);
  const base = stringify({ ...BASE, ...Object.fromEntries(keys.filter((k) => TOP_LEVEL.has(k)).map((k) => [k, undefined])) });
  if (keys.includes('policies') || keys.includes('audience') || keys.includes('listen')) return `${base.replace(/^policies:(\n[ -].*)*\n?/m, '')}${keys.includes('policies') ? '' : stringify({ policies: BASE.policies })}${doc}`;
  const body = doc.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => `    ${l}`).join('\n');
  const wrapper = [...(keys.includes('name') ? [] : ['name: deploy']), ...(keys.includes('secrets') ? [] : ['secrets: [DB_PASSWORD]'])];
  return `${base.replace(/^policies:(\n[ -].*)*\n?/m, '')}policies:\n  - ${wrapper.join('\n    ')}\n${body}\n`;
}

/** The lint's findings for a configuration text, errors included (what `check --lint` reports). */
function findingsOf(text: string): string[] {
  const doc = parseDocument(text);
  return lintConfig(doc.toJS(), claimNumberSources(doc)).findings.map((f) => f.rule);
}

describe(`${FILE}: "Safe policies"`, () => {
  it('lists every rule, in rank order, with its severity, risk and fix', async () => {
    const text = docLines.join('\n');
    const headings = [...text.matchAll(/^### `([a-z-]+)` \((error|warning)\)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual(RULES.map((r) => `${r.id} ${r.severity}`));
    for (const r of RULES) expect(text).toContain(`${r.risk[0]!.toUpperCase()}${r.risk.slice(1)}. Fix: ${r.fix}.`);
    expect(examples.map((b) => ruleOf(b).id)).toEqual(RULES.map((r) => r.id));
  });

  it.each(examples.map((b) => [ruleOf(b).id, b] as const))('%s: the risky example is reported, the safe one is clean', async (id, b: DocBlock) => {
    const docs = b.text.split(/^---$/m);
    expect(docs).toHaveLength(2);
    const [risky, safe] = docs.map(exampleConfig);
    const rule = RULES.find((r) => r.id === id)!;

    // The risky one: the rule reports it; the loader refuses it for an error rule (or a refused number).
    expect(findingsOf(risky!)).toContain(id);
    const loaded = await load(risky!);
    if (rule.severity === 'error') expect(loaded.problems.join('\n')).toContain(id);
    else if (id === 'unsafe-numeric-id') expect(loaded.problems).toEqual([expect.stringContaining('9007199254740993 is not a whole number')]);
    else expect(loaded.findings.map((f) => f.rule)).toContain(id);

    // The safe one loads with no finding at all.
    expect(await load(safe!)).toEqual({ problems: [], findings: [] });
  });
});
