// The shell decodes short base64 values itself (starting base64 for each secret cost more than the work):
// every byte value, every padding, at every length up to where base64 -d takes over, gives exactly Node's
// bytes, under dash, BusyBox sh and bash, with GNU and BusyBox tools around it. Longer values go to base64 -d,
// and an image without base64 gets a clear error for them, never a wrong value.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runGitLabJob } from '../../src/harness/gitlab/job.js';
import { sourced, useEmbeddedScript } from './embedded-script.js';
import { fakeJwt, plainAnswer, startFake, type Fake } from './fake-server.js';
import { SHELLS, toolPath } from './job-env.js';

const script = useEmbeddedScript('oidc-exchange-decode-');

/** Values covering all 256 byte values, each length 0..120 (every padding), and the tricky bytes alone. */
function samples(): Buffer[] {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  const out: Buffer[] = [];
  for (let len = 1; len <= 120; len++) out.push(all.subarray((len * 7) % 136, ((len * 7) % 136) + len));
  for (let i = 0; i < 256; i += 96) out.push(all.subarray(i, i + 96));
  for (const b of [0x00, 0x0a, 0x25, 0x27, 0x5c, 0x22, 0x24, 0x60, 0x7f, 0x80, 0xff]) out.push(Buffer.from([b, 0x41, b]));
  return out;
}

describe.each(SHELLS)('under %s', (_label, shell) => {
  it('the shell decoder writes exactly the bytes base64 encodes, for every byte and padding', async () => {
    const values = samples();
    const input = join(script.dir, `in-${shell.join('')}`.replace(/\W/g, '_'));
    writeFileSync(input, values.map((v) => v.toString('base64')).join('\n') + '\n');
    const out = join(script.dir, `out-${shell.join('')}`.replace(/\W/g, '_'));
    const driver = `i=0; while IFS= read -r b; do _oe_unb64 "$b"; printf "$_oe_fmt" > "$3.$i"; i=$((i + 1)); done <"$2"`;
    expect((await sourced(shell, script, driver, { args: [input, out] })).status).toBe(0);
    const wrong = values.filter((v, i) => !readFileSync(`${out}.${i}`).equals(v)).map((v) => v.toString('hex'));
    expect(wrong).toEqual([]);
  });
});

describe('values too long for the shell decoder', () => {
  let broker: Fake;
  const long = 'L'.repeat(300) + '\n' + '€'.repeat(50);
  beforeAll(async () => {
    broker = await startFake((_req, res) => plainAnswer(res, { LONG: long, SHORT: 'short-value-1b7e' }));
  });
  afterAll(() => broker.close());

  it.each([
    ['GNU tools', toolPath(['curl'])],
    ['BusyBox tools', toolPath(['curl'], { userland: 'busybox' })],
  ])('go to base64 -d (%s), byte-exact in the environment and the file', async (_l, path) => {
    const r = await runGitLabJob({
      token: fakeJwt(),
      shell: ['/bin/dash'],
      path: path.path,
      inputs: { broker_url: broker.url, audience: 'https://broker.test', export: 'both', export_all: true },
      script: ['printf %s "$LONG" > "$CI_PROJECT_DIR/env"', 'cp "$LONG_FILE" "$CI_PROJECT_DIR/file"'],
    });
    try {
      expect(r.exitCode).toBe(0);
      expect(readFileSync(join(r.projectDir, 'env'), 'utf8')).toBe(long);
      expect(readFileSync(join(r.projectDir, 'file'), 'utf8')).toBe(long);
    } finally {
      await r.cleanup();
      path.remove();
    }
  });

  it('an image without base64 is told so, and nothing is exported', async () => {
    const path = toolPath(['curl']);
    rmSync(join(path.path, 'base64'));
    const r = await runGitLabJob({
      token: fakeJwt(),
      shell: ['/bin/dash'],
      path: path.path,
      inputs: { broker_url: broker.url, audience: 'https://broker.test', export_all: true },
      script: ['echo "script ran"'],
    });
    try {
      expect(r.exitCode).not.toBe(0);
      expect(r.scriptLog).toContain('the job image needs base64 (coreutils or busybox) for values over 120 bytes');
      expect(r.scriptLog).not.toContain('script ran');
    } finally {
      await r.cleanup();
      path.remove();
    }
  });
});
