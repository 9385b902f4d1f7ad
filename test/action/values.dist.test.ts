// Must-show: awkward values arrive in GITHUB_ENV / GITHUB_OUTPUT byte for byte, under Node 20 and Node 24,
// the masked log holds none of them, and each is registered before any line that could contain it.
import { randomBytes } from 'node:crypto';
import { AUDIENCE } from '../helpers/broker.js';
import { RUNTIMES, leakedNames, startActionBed, type ActionBed } from '../helpers/action.js';

const VALUES: Record<string, string> = {
  MULTILINE: 'first line of the secret\nsecond line\n  indented third line\n',
  PERCENT: '100% sure %25 %0A %0D %%',
  CARRIAGE: 'before-cr\rafter-cr and crlf\r\nnext line',
  FINAL_CR: 'the runner keeps a final carriage return\r',
  QUOTES: `it's "double" and 'single' \`back\` $HOME \\ backslash`,
  JSON_SECRET: JSON.stringify({ user: 'svc-deploy', password: 'json-leaf-pa55', nested: { token: 'nested-leaf-token-77' } }),
  WORKFLOW_COMMAND: '::set-env name=PWNED::owned\n::add-mask::x\n::error::not an error',
  NON_ASCII: 'pässwörd-日本語-🔑-Ωmega',
};
const BIG = randomBytes(786432).toString('base64'); // 1 MiB of text

let ab: ActionBed;
beforeAll(async () => {
  const env: Record<string, string> = { BIG_VALUE: BIG };
  for (const [k, v] of Object.entries(VALUES)) env[`V_${k}`] = v;
  ab = await startActionBed({
    env,
    config: () => ({
      secrets: { ...Object.fromEntries(Object.keys(VALUES).map((k) => [k, { env: `V_${k}` }])), BIG: { env: 'BIG_VALUE' } },
      policies: [{ name: 'prod', issuer: 'github', claims: { repository: 'octo-org/octo-repo', environment: 'production' }, secrets: [...Object.keys(VALUES), 'BIG'] }],
    }),
  });
});
afterAll(() => ab?.close());

describe.each(RUNTIMES)('awkward values under %s', (_label, node) => {
  it('arrive byte-exact in GITHUB_ENV and GITHUB_OUTPUT, masked everywhere, registered first', async () => {
    const job = await ab.runner.runJob({
      node,
      inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, secrets: Object.keys(VALUES).join('\n') },
    });
    expect(job.main.errors).toEqual([]);
    expect(job.main.exitCode).toBe(0);
    for (const [name, value] of Object.entries(VALUES)) {
      expect({ name, ok: job.main.env[name] === value }).toEqual({ name, ok: true });
      expect({ name, ok: job.main.outputs[name] === value }).toEqual({ name, ok: true });
    }
    expect(job.main.outputs['secret-names']).toBe(Object.keys(VALUES).join(','));
    // A value that looks like a workflow command stayed data.
    expect(job.main.env.PWNED).toBeUndefined();
    const everything = `${job.main.log}\n${job.post!.log}\n${job.main.summary}\n${JSON.stringify(job.main.state)}`;
    const leaves = { LEAF1: 'json-leaf-pa55', LEAF2: 'nested-leaf-token-77', LINE2: 'second line', LINE3: 'indented third line' };
    expect(leakedNames(everything, { ...VALUES, ...leaves })).toEqual([]);
    for (const v of [...Object.values(VALUES).map((v) => v.trim()), ...Object.values(leaves)]) {
      expect(job.main.masks.has(v)).toBe(true);
    }
    expect(job.main.printedBeforeMask.length).toBe(0);
    expect(job.post!.exitCode).toBe(0);
  });

  it('a 1 MiB value arrives byte-exact as a step output; as an env variable it is refused with a reason', async () => {
    const out = await ab.runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, secrets: 'BIG', 'export-env': 'false' } });
    expect(out.main.exitCode).toBe(0);
    expect(out.main.outputs.BIG === BIG).toBe(true);
    expect(out.main.env).toEqual({});
    expect(out.main.masks.has(BIG)).toBe(true);
    expect(leakedNames(`${out.main.raw.replace(`::add-mask::${BIG}`, '')}`, { BIG })).toEqual([]);

    const env = await ab.runner.runJob({ node, inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, secrets: 'BIG' } });
    expect(env.main.exitCode).toBe(1);
    expect(env.main.errors.join('\n')).toMatch(/BIG is 1048576 bytes, more than Linux lets one environment variable hold/);
    expect(env.main.env).toEqual({});
    expect(env.main.outputs).toEqual({});
    expect(leakedNames(env.main.log, { BIG })).toEqual([]);
  });
});

describe.each(RUNTIMES)('files under %s', (_label, node) => {
  it('`file:` writes a 0600 file under RUNNER_TEMP, exports its path, and the post step removes it', async () => {
    const { statSync, readFileSync, existsSync } = await import('node:fs');
    let path = '';
    const job = await ab.runner.runJob({
      node,
      inputs: { 'broker-url': ab.bed.url, audience: AUDIENCE, secrets: 'MULTILINE | file:KEY_FILE\nNON_ASCII' },
      async betweenSteps(main, runnerTemp) {
        path = main.env.KEY_FILE!;
        expect(path.startsWith(runnerTemp)).toBe(true);
        expect(statSync(path).mode & 0o777).toBe(0o600);
        expect(readFileSync(path, 'utf8') === VALUES.MULTILINE).toBe(true);
      },
    });
    expect(job.main.exitCode).toBe(0);
    expect(job.main.outputs.KEY_FILE).toBe(path);
    expect(job.main.env.MULTILINE).toBeUndefined();
    expect(job.main.env.NON_ASCII === VALUES.NON_ASCII).toBe(true);
    expect(existsSync(path)).toBe(false);
    expect(job.post!.log).toMatch(/removed the secret files/);
    expect(job.main.summary).toMatch(/KEY_FILE/);
    expect(leakedNames(job.main.summary + job.main.log, VALUES)).toEqual([]);
  });
});
