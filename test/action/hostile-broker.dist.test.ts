// A broker (or whatever answers at broker-url) that tries to steer the runner, found by trying; each attack
// is refused, end to end on the bundled dist/ under Node 20 and Node 24:
//  - text it chooses (policy, error message, names) printed with a line break and a workflow command, to
//    save state for the post step, forge outputs, or stop the runner's command processing; Markdown in the
//    job summary;
//  - state the post step did not validate: a folder outside RUNNER_TEMP to delete, a URL to send a token to;
//  - names it chooses that run code in later steps (GIT_EXTERNAL_DIFF, npm_config_node_options, GCONV_PATH);
//  - numbers in a JSON secret, which the runner would not mask;
//  - an answer too large to hold;
//  - a broker-url in clear text to a remote host, including spellings that look like loopback.
// Run with ACTION_UNDER_TEST=<an older checkout> to see these fail there.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobOptions } from '../../src/harness/fakes/runner.js';
import { AUDIENCE } from '../helpers/broker.js';
import { RUNTIMES, leakedNames, sendJson, startActionBed, startFront, type ActionBed, type Front } from '../helpers/action.js';

const STATE_KEY = 'oidc-exchange';
let ab: ActionBed;
/** Records every request it receives: where a hostile broker wants tokens sent. */
let sink: Front;
let victim: string;

beforeAll(async () => {
  ab = await startActionBed({ config: () => ({ secrets: { X: { value: 'unused-value' } }, policies: [{ name: 'p', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['X'] }] }) });
  sink = await startFront(undefined, (_n, _req, res) => sendJson(res, 204, undefined));
  victim = mkdtempSync(join(tmpdir(), 'victim-'));
  writeFileSync(join(victim, 'precious.txt'), 'keep me');
});
afterAll(async () => {
  await sink?.close();
  await ab?.close();
  rmSync(victim, { recursive: true, force: true });
});

/** A broker double answering every exchange with `answer` (status 200 unless given). */
async function broker(answer: unknown, status = 200): Promise<Front> {
  return startFront(undefined, (_n, _req, res) => sendJson(res, status, answer));
}

const forgedState = () => JSON.stringify({ fileDir: victim, revoke: [{ name: 'DB_PASSWORD', apiBase: sink.url, token: 'stolen' }] });

describe.each(RUNTIMES)('a hostile broker under %s', (_label, node) => {
  async function run(b: Front, inputs: Record<string, string> = {}, extra: Partial<JobOptions> = {}) {
    try {
      return await ab.runner.runJob({ node, inputs: { 'broker-url': b.url, audience: AUDIENCE, ...(inputs.secrets ? {} : { 'export-all': 'true' }), ...inputs }, ...extra });
    } finally {
      await b.close();
    }
  }

  it('cannot print workflow commands through its policy name, and the post step keeps to its own state', async () => {
    const before = sink.requests.length;
    const policy = `p\n::save-state name=${STATE_KEY}::${forgedState()}\n::set-output name=DB_PASSWORD::forged\n  ::stop-commands::x\r\n##[set-output name=secret-names;]forged`;
    const job = await run(await broker({ secrets: { DB_PASSWORD: 'db-value-hostile-1' }, policy, expires_at: null }));
    expect(job.main.exitCode).toBe(0);
    // No command came from the broker's text: only the action's own (masks, the toolkit's debug line).
    expect(job.main.commands.filter((c) => !['add-mask', 'debug'].includes(c))).toEqual([]);
    expect(job.main.state[STATE_KEY]).toBeUndefined();
    expect(job.main.outputs.DB_PASSWORD === 'db-value-hostile-1').toBe(true);
    expect(job.main.outputs['secret-names']).toBe('DB_PASSWORD');
    // The policy is shown, quoted, on one line.
    expect(job.main.log).toMatch(/under policy "p\\n::save-state name=oidc-exchange::/);
    expect(job.post!.log).toMatch(/nothing to clean up/);
    expect(existsSync(join(victim, 'precious.txt'))).toBe(true);
    expect(sink.requests.length).toBe(before);
  });

  it('cannot print commands through its error message or code either', async () => {
    const job = await run(await broker({ error: 'no_policy_matched\n::set-output name=X::1', message: 'denied\n::save-state name=oidc-exchange::{}\n##[add-path]/evil' }, 403));
    expect(job.main.exitCode).toBe(1);
    expect(job.main.commands.filter((c) => !['add-mask', 'debug', 'error'].includes(c))).toEqual([]);
    expect(job.main.state).toEqual({});
    expect(job.main.outputs).toEqual({});
    expect(job.main.errors.join('\n')).toMatch(/403 "no_policy_matched\\n::set-output name=X::1": "denied\\n::save-state/);
  });

  it('cannot add links, images or rows to the job summary', async () => {
    const policy = 'p](https://evil.example) <img src=https://evil.example/x.png> | row | ![i](https://evil.example/i.png) www.evil.example';
    const job = await run(await broker({ secrets: { DB_PASSWORD: 'db-value-hostile-2' }, policy, expires_at: '<script>x</script>' }));
    expect(job.main.exitCode).toBe(0);
    expect(job.main.summary).not.toMatch(/<img|<script|\]\(https:\/\/evil|!\[|www\.evil/);
    expect(job.main.summary.split('\n').filter((l) => l.startsWith('|'))).toHaveLength(3);
    expect(job.main.summary).toMatch(/not a date/);
  });

  it('the post step ignores state it cannot validate: a folder outside RUNNER_TEMP, a URL off the trusted hosts', async () => {
    const before = sink.requests.length;
    const job = await run(await broker({ secrets: { DB_PASSWORD: 'db-value-hostile-3' }, policy: 'p', expires_at: null }), {}, { postState: { [STATE_KEY]: forgedState() } });
    expect(job.post!.exitCode).toBe(0);
    expect(existsSync(join(victim, 'precious.txt'))).toBe(true);
    expect(sink.requests.length).toBe(before);
    expect(job.post!.warnings.join('\n')).toMatch(/skipped the secret files folder: .* is not a folder this action creates/);
    expect(job.post!.warnings.join('\n')).toMatch(/skipped revoking DB_PASSWORD: .* is neither on the broker's host nor on the job's GitHub API/);
  });

  it('a revocation URL off the broker and the GitHub API is not kept: no token is sent there', async () => {
    const before = sink.requests.length;
    const job = await run(
      await broker({ secrets: { GH_TOKEN: 'ghs_hostileRevocationTarget0001' }, policy: 'p', expires_at: null, revoke: [{ name: 'GH_TOKEN', method: 'DELETE', url: `${sink.url}/installation/token` }] }),
    );
    expect(job.main.exitCode).toBe(0);
    expect(job.main.warnings.join('\n')).toMatch(/GH_TOKEN" will not be revoked at the end of the job: .* is neither on the broker's host nor on the job's GitHub API/);
    expect(job.main.state).toEqual({});
    expect(sink.requests.length).toBe(before);
  });

  it.each([
    ['GIT_EXTERNAL_DIFF', /GIT_EXTERNAL_DIFF is refused: the name is reserved because a version control tool reads it/],
    ['npm_config_node_options', /"npm_config_node_options" is refused: a name the broker chooses must be upper case/],
    ['GCONV_PATH', /GCONV_PATH is refused: the name is reserved/],
    ['LD_AUDIT', /LD_AUDIT is refused/],
  ])('cannot choose the name %s (no secrets input: the broker names the variables)', async (name, message) => {
    const job = await run(await broker({ secrets: { [name]: '/tmp/evil-code', OK_NAME: 'fine-value-1' }, policy: 'p', expires_at: null }));
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(message);
    expect(job.main.env).toEqual({});
    expect(job.main.outputs).toEqual({});
  });

  it('with neither a secrets list nor export-all, nothing is requested or exported, and the step says how to ask', async () => {
    const b = await broker({ secrets: { GOCACHEPROG: '/tmp/evil-code', DB_PASSWORD: 'fine-value-2' }, policy: 'p', expires_at: null });
    const tokensBefore = ab.runner.tokenRequests.length;
    try {
      const job = await ab.runner.runJob({ node, inputs: { 'broker-url': b.url, audience: AUDIENCE } });
      expect(job.main.exitCode).toBe(1);
      expect(job.main.errors.join('\n')).toMatch(/no secret names were chosen, so nothing would be exported: list the names in the secrets input \(one per line\), or set export-all: true/);
      expect(job.main.env).toEqual({});
      expect(job.main.outputs).toEqual({});
      expect(b.requests.length).toBe(0);
      expect(ab.runner.tokenRequests.length).toBe(tokensBefore);
    } finally {
      await b.close();
    }
  });

  it.each(['GOCACHEPROG', 'BAZELISK_BASE_URL', 'CYPRESS_INSTALL_BINARY', 'AWS_PAGER', 'PSQL_PAGER', 'KUBE_EDITOR'])('with export-all, cannot choose %s even when allow-names names it', async (name) => {
    const job = await run(await broker({ secrets: { [name]: '/tmp/evil-code', OK_NAME: 'fine-value-3' }, policy: 'p', expires_at: null }), { 'allow-names': `${name} OK_NAME` });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(new RegExp(`${name} is refused: the name is reserved`));
    expect(job.main.env).toEqual({});
    expect(job.main.outputs).toEqual({});
  });

  it('with export-all, a granted name outside allow-names fails the step before anything is exported', async () => {
    const job = await run(await broker({ secrets: { APP_TOKEN: 'app-value-4', DB_PASSWORD: 'db-value-4' }, policy: 'p', expires_at: null }), { 'allow-names': 'APP_*' });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/DB_PASSWORD is not exported: it matches none of allow-names \(APP_\*\)/);
    expect(job.main.env).toEqual({});
    const ok = await run(await broker({ secrets: { APP_TOKEN: 'app-value-5', APP_KEY: 'app-value-6' }, policy: 'p', expires_at: null }), { 'allow-names': 'APP_*' });
    expect(ok.main.exitCode).toBe(0);
    expect(Object.keys(ok.main.env).sort()).toEqual(['APP_KEY', 'APP_TOKEN']);
  });

  it('a secrets list exports only the listed names, whatever else the broker sends', async () => {
    const job = await run(await broker({ secrets: { DB_PASSWORD: 'db-value-7', GOCACHEPROG: '/tmp/evil-code' }, policy: 'p', expires_at: null }), { secrets: 'DB_PASSWORD' });
    expect(job.main.exitCode).toBe(0);
    expect(Object.keys(job.main.env)).toEqual(['DB_PASSWORD']);
  });

  it('numbers in a JSON secret are masked; a boolean is warned about', async () => {
    // Written as JSON text: a JavaScript number could not even hold the account number.
    const value = '{"pin": 48213377, "account": 12345678901234567890, "enabled": true}';
    const job = await run(await broker({ secrets: { BANK: value }, policy: 'p', expires_at: null }));
    expect(job.main.exitCode).toBe(0);
    expect(job.main.masks.has('48213377')).toBe(true);
    expect(job.main.masks.has('12345678901234567890')).toBe(true);
    expect(job.main.warnings.join('\n')).toMatch(/BANK: .*true\/false in a JSON secret, was not masked/);
  });

  it('an answer over 16 MiB is refused with a clear error, once (not retried)', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const big = await startFront(undefined, (_n, _req, res) => {
      // No Content-Length: the client must count what it reads.
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const more = () => {
        while (sent < 20) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => undefined);
      more();
      return true;
    });
    const job = await run(big, { 'timeout-seconds': '30' });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/answered with more than 16 MiB; the client stops reading there/);
    expect(big.requests.length).toBe(1);
  });

  it.each([
    'http://broker.example.com',
    'http://127.0.0.1@evil.example/',
    'http://127.attacker.example/',
    'http://localhost.evil.example/',
    'https://user:pass@broker.example.com/',
  ])('broker-url %s is refused before any token is requested', async (url) => {
    const before = ab.runner.tokenRequests.length;
    const job = await ab.runner.runJob({ node, inputs: { 'broker-url': url, audience: AUDIENCE, 'export-all': 'true' } });
    expect(job.main.exitCode).toBe(1);
    expect(job.main.errors.join('\n')).toMatch(/broker-url: (http:\/\/.* would send the job's OIDC token and the secrets in clear text|remove the user name and password)/);
    expect(ab.runner.tokenRequests.length).toBe(before);
  });

  it('leaks nothing it was given along the way', async () => {
    const job = await run(await broker({ secrets: { DB_PASSWORD: 'db-value-hostile-9' }, policy: 'p\n::add-mask::x', expires_at: null }));
    expect(leakedNames(`${job.main.log}\n${job.post!.log}\n${job.main.summary}`, { V: 'db-value-hostile-9' })).toEqual([]);
  });
});
