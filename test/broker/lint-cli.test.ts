// The linter as users meet it, through the CLI's commands (in process; the broker that serves as a process of
// the sources): the broker refusing to start on an error finding and starting with an override (both logged),
// `check --lint` output and exit codes, SARIF that validates against the SARIF 2.1.0 schema, the examples
// passing clean, and `check` showing a token's IDs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startFakeIssuer, type FakeIssuer } from '../../src/harness/fakes/issuer.js';
import { AUDIENCE, exchangeOver } from '../helpers/broker.js';
import { callCli } from '../helpers/command.js';
import { startCli } from '../helpers/process.js';

// Microsoft's SARIF SDK validator (the npm package @microsoft/sarif-multitool): the schema and the
// specification's rules, as the tools that consume SARIF read it. Its package also ships the 2.1.0 schema.
const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
const sarifSchema = join(dirname(multitool), 'sarif-2.1.0.json');

let dir: string;
let github: FakeIssuer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oidc-exchange-lint-cli-'));
  github = await startFakeIssuer({ kind: 'github', audience: AUDIENCE });
});
afterAll(async () => {
  await github.close();
  await rm(dir, { recursive: true, force: true });
});

function brokerYaml(policy: string): string {
  return [
    `audience: ${AUDIENCE}`,
    'issuers:',
    `  - { id: github, issuer: "${github.url}", kind: github }`,
    'secrets:',
    '  DB_PASSWORD: { env: LINT_CLI_SECRET }',
    'policies:',
    policy,
    '',
  ].join('\n');
}

const WILDCARD = '  - { name: deploy, issuer: github, claims: { repository_owner: "octo-org*", environment: production }, secrets: [DB_PASSWORD]';

describe('oidc-exchange broker and the linter', () => {
  it('refuses to start on an error finding, naming rule, policy and path', async () => {
    const file = join(dir, 'refused.yaml');
    await writeFile(file, brokerYaml(`${WILDCARD} }`));
    const r = await callCli(['broker', '--config', file], { env: { PATH: process.env.PATH, LINT_CLI_SECRET: 'x-secret-value' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('policies[0].claims.repository_owner: owner-wildcard in policy deploy: repository_owner "octo-org*" leaves the owner to a wildcard (it accepts "octo-org-evil")');
    expect(r.stderr).toContain('allow_risky: [{ rule: owner-wildcard, reason: "..." }]');
    expect(r.stdout).toBe('');
  });

  it('starts with the override, logs it with its reason and the warnings, and serves', async () => {
    const file = join(dir, 'overridden.yaml');
    const reason = 'octo-org-* are all ours: we registered the prefix (SEC-7)';
    await writeFile(file, brokerYaml(`${WILDCARD}, single_use: false, allow_risky: [{ rule: owner-wildcard, reason: "${reason}" }] }`));
    const broker = startCli(['broker', '--config', file, '--port', '0'], { PATH: process.env.PATH, LINT_CLI_SECRET: 'x-secret-value' });
    try {
      const listening = await broker.waitFor(/"event":"listening"/);
      const overridden = JSON.parse(await broker.waitFor(/"event":"policy_lint".*"rule":"owner-wildcard"/)) as Record<string, unknown>;
      expect(overridden).toMatchObject({ level: 'warn', rule: 'owner-wildcard', severity: 'error', policy: 'deploy', path: 'policies[0].claims.repository_owner', overridden: reason });
      const warning = JSON.parse(await broker.waitFor(/"event":"policy_lint".*"rule":"replay-allowed"/)) as Record<string, unknown>;
      expect(warning).toMatchObject({ level: 'warn', severity: 'warning', policy: 'deploy', path: 'policies[0].single_use' });
      const url = (JSON.parse(listening) as { address: string }).address;
      expect((await exchangeOver(url, { token: await github.mint(github.claimsFor({ environment: 'production' })) })).status).toBe(200);
    } finally {
      broker.child.kill('SIGTERM');
      await broker.exited;
    }
    expect(broker.output()).not.toContain('x-secret-value');
  }, 60_000);
});

describe('oidc-exchange check --lint', () => {
  it('prints each finding with where, severity, rule, policy, path, why and fix; exit 1 on an error', async () => {
    const file = join(dir, 'text.yaml');
    await writeFile(file, brokerYaml(`${WILDCARD} }`));
    const r = await callCli(['check', '--lint', '--config', file]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('owner-wildcard'));
    expect(lines[at]).toBe(`${file}:7:65: error owner-wildcard in policy deploy at policies[0].claims.repository_owner`);
    expect(lines[at + 1]).toMatch(/^ {4}why: repository_owner "octo-org\*" leaves the owner to a wildcard/);
    expect(lines[at + 2]).toBe('    fix: write the owner literally and pin repository_owner_id (GitLab: project_id or namespace_id)');
    expect(lines.at(-2)).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 1 error, \\d+ warnings, 0 overridden$`));
  });

  it('exit 0 with warnings and overrides only; exit 2 for an unusable configuration or bad usage', async () => {
    const ok = join(dir, 'ok.yaml');
    await writeFile(ok, brokerYaml(`${WILDCARD}, allow_risky: [{ rule: owner-wildcard, reason: r }] }`));
    const r = await callCli(['check', '--lint', '--config', ok]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('error (overridden: "r") owner-wildcard in policy deploy');

    const broken = join(dir, 'broken.yaml');
    await writeFile(broken, brokerYaml('  - { name: deploy, issuer: nope, claims: { repository_owner: "octo-org*" }, secrets: [DB_PASSWORD] }'));
    const b = await callCli(['check', '--lint', '--config', broken]);
    expect(b.code).toBe(2);
    expect(b.stdout).toContain('the broker would not load this configuration:');
    expect(b.stdout).toContain('    - policies[0].issuer: "nope" is not an issuer id');

    await writeFile(join(dir, 'yaml.yaml'), 'audience: [unclosed\n');
    const y = await callCli(['check', '--lint', '--config', join(dir, 'yaml.yaml')]);
    expect([y.code, y.stderr]).toEqual([2, expect.stringMatching(/invalid configuration\n {2}- YAML: /)]);
    expect((await callCli(['check', '--lint', '--config', join(dir, 'missing.yaml')])).code).toBe(2);
    const usage = await callCli(['check', '--lint', '--config', ok, '--claims', ok]);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('--lint reads only the configuration: leave out --claims and --token')]);
  });

  it('escapes control characters from the file, so a claim name cannot forge output lines or workflow commands', async () => {
    const file = join(dir, 'control.yaml');
    await writeFile(file, brokerYaml('  - { name: deploy, issuer: github, claims: { repository_id: "1", "x\\n::error::forged": y }, secrets: [DB_PASSWORD] }'));
    const r = await callCli(['check', '--lint', '--config', file]);
    expect(r.stdout).toContain('x\\u000a::error::forged');
    expect(r.stdout.split('\n').some((l) => l.startsWith('::'))).toBe(false);
  });

  it('writes SARIF 2.1.0 that validates against the OASIS schema, with locations and suppressed overrides', async () => {
    const file = join(dir, 'sarif.yaml');
    await writeFile(file, brokerYaml(`${WILDCARD}, allow_risky: [{ rule: owner-wildcard, reason: "accepted for now" }] }\n  - { name: other, issuer: github, claims: { repository: "*/app", environment: "prod*" }, secrets: [DB_PASSWORD] }`));
    const out = join(dir, 'lint.sarif');
    const r = await callCli(['check', '--lint', '--json', '--config', file, '--sarif', out]);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(await readFile(out, 'utf8')) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<Record<string, any>>; invocations: Array<{ executionSuccessful: boolean }> }>;
    };
    const schema = JSON.parse(await readFile(sarifSchema, 'utf8')) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    // The SDK's validator: no error, and no warning beyond two recommendations: SARIF2004 would rather we
    // drop the artifacts list (we keep it, as the specification allows, to record what was analysed even with
    // no finding), and SARIF2005 asks for the tool's web page (informationUri), which the project does not
    // have yet.
    const report = join(dir, 'validation.sarif');
    execFileSync(multitool, ['validate', out, '--output', report, '--log', 'ForceOverwrite'], { stdio: 'pipe' });
    const verdict = JSON.parse(await readFile(report, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; level?: string; message: { text?: string; id?: string } }> }> };
    const complaints = (verdict.runs[0]!.results ?? []).filter(
      (x) => x.ruleId !== 'SARIF2004' && !(x.ruleId === 'SARIF2005' && /^Warning_ProvideTool\w*nformationUri$/.test(x.message.id ?? '')),
    );
    expect(complaints).toEqual([]);

    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.tool.driver.rules).toHaveLength(32);
    const wildcard = run.results.find((x) => x.ruleId === 'owner-wildcard')!;
    expect(wildcard).toMatchObject({ level: 'error', suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'accepted for now' }] });
    expect(wildcard.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: expect.stringMatching(/^file:\/\/\/.*sarif\.yaml$/) }, region: { startLine: 7, startColumn: 65 } });
    expect(wildcard.locations[0].logicalLocations[0]).toMatchObject({ fullyQualifiedName: 'policies[0].claims.repository_owner', name: 'deploy' });
    expect(run.tool.driver.rules[wildcard.ruleIndex]!.id).toBe('owner-wildcard');
    const unsuppressed = run.results.filter((x) => !x.suppressions).map((x) => x.ruleId);
    expect(unsuppressed).toEqual(expect.arrayContaining(['owner-wildcard', 'environment-wildcard']));
    // --json printed the same findings.
    const json = JSON.parse(r.stdout) as { findings: Array<{ rule: string }>; exit_code: number };
    expect(json.findings.map((f) => f.rule)).toEqual(run.results.map((x) => x.ruleId));
    expect(json.exit_code).toBe(1);
  });

  it.each(['examples/broker.yaml', 'examples/demo.yaml'])('%s has no finding', async (file) => {
    const r = await callCli(['check', '--lint', '--config', file]);
    expect([r.code, r.stdout]).toEqual([0, `${file}: no findings\n`]);
    const rel = join(dir, 'rel.sarif');
    await callCli(['check', '--lint', '--config', file, '--sarif', rel]);
    const sarif = JSON.parse(await readFile(rel, 'utf8')) as { runs: Array<{ results: unknown[]; artifacts: Array<{ location: { uri: string } }> }> };
    expect(sarif.runs[0]!.results).toEqual([]);
    expect(sarif.runs[0]!.artifacts[0]!.location.uri).toBe(file);
  });
});

describe('oidc-exchange check shows the IDs a policy should pin', () => {
  it('from a GitHub token, in the immutable subject form too', async () => {
    const token = await github.mint({ ...github.claimsFor({ environment: 'production' }, { immutableSubject: true }), iss: 'https://token.actions.githubusercontent.com', aud: 'https://broker.example.com' });
    const r = await callCli(['check', '--config', 'examples/broker.yaml', '--token', token]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('token: GitHub repository_id "690210123", repository_owner_id "9919" (repository "octo-org/octo-repo", repository_owner "octo-org"): pin the IDs');
    expect(r.stdout).toContain('token: sub is in GitHub\'s immutable form: owner "octo-org" ID "9919", repository "octo-repo" ID "690210123"');
    expect(r.stdout).toContain('✓ prod-deploy: MATCHES');
    const json = JSON.parse((await callCli(['check', '--json', '--config', 'examples/broker.yaml', '--token', token])).stdout) as { identity: unknown };
    expect(json.identity).toEqual({ platform: 'github', name: 'octo-org/octo-repo', id: '690210123', owner: 'octo-org', ownerId: '9919', subject: { owner: 'octo-org', ownerId: '9919', repository: 'octo-repo', repositoryId: '690210123' } });
  });

  it('from GitLab claims', async () => {
    const gitlab = await startFakeIssuer({ kind: 'gitlab' });
    try {
      const claims = join(dir, 'gitlab-claims.json');
      await writeFile(claims, JSON.stringify({ ...gitlab.claimsFor({ environment: 'production' }), iss: 'https://gitlab.example.com', aud: 'https://broker.example.com' }));
      const r = await callCli(['check', '--config', 'examples/broker.yaml', '--claims', claims]);
      expect(r.stdout).toContain('token: GitLab project_id "4711", namespace_id "72" (project_path "acme/platform/api", namespace_path "acme/platform"): pin the IDs');
    } finally {
      await gitlab.close();
    }
  });
});
