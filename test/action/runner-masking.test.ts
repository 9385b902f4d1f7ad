// The fake runner masks what GitHub's runner masks, and only that: a step registers a secret with
// `::add-mask::` and prints it in the encoded forms the runner's SecretMasker also registers (base64 at its
// three byte offsets, docker command-line, expression, JSON, URI and XML escapes, the PowerShell sections),
// then in forms the runner does not know (hex, base64url, base64 of the secret and a newline,
// encodeURIComponent, the secret split over two lines). The first must show as ***, the second in the clear,
// so a leak scan of the fake's log finds exactly what a GitHub log would show. Every expected form below was
// computed outside this code base (Python's base64, json and urllib.parse.quote with safe='-_.~', which is
// .NET's Uri.EscapeDataString), from actions/runner's ValueEncoders.cs as read at commit 258d6c8. Assertions
// compare per-label verdicts, so a failure names the form, never prints it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processLog, startFakeRunner, type FakeRunner, type StepResult } from '../../src/harness/fakes/runner.js';

/** 23 characters (not a multiple of 3, so base64 ends in padding): quote, ampersand, apostrophe, <, >, !()*, backslash. */
const SECRET = 'Tr0ub4dor"&\'<3>!(x)*\\zz';

/** Printed by the step after registration; the runner shows these as ***. */
const MASKED: Record<string, [printed: string, shown: string]> = {
  plain: [SECRET, '***'],
  base64: ['VHIwdWI0ZG9yIiYnPDM+ISh4KSpceno=', '***'],
  'base64 after 3 bytes ("us:" + secret)': ['dXM6VHIwdWI0ZG9yIiYnPDM+ISh4KSpceno=', 'dXM6***'],
  'base64 after 2 bytes ("u:" + secret, offset 1)': ['dTpUcjB1YjRkb3IiJic8Mz4hKHgpKlx6eg==', 'dTpU***'],
  // The 21 bytes after the shift are whole groups: no padding, so a suffix does not change them.
  'base64 after 1 byte with a newline after ("u" + secret + "\\n", offset 2)': ['dVRyMHViNGRvciImJzwzPiEoeCkqXHp6Cg==', 'dVRy***Cg=='],
  'docker command line': ['Tr0ub4dor\\"&\'<3>!(x)*\\zz', '***'],
  expression: ["Tr0ub4dor\"&''<3>!(x)*\\zz", '***'],
  json: ['{"password":"Tr0ub4dor\\"&\'<3>!(x)*\\\\zz"}', '{"password":"***"}'],
  uri: ['https://ci:Tr0ub4dor%22%26%27%3C3%3E%21%28x%29%2A%5Czz@example.test/', 'https://ci:***@example.test/'],
  xml: ['<pw>Tr0ub4dor&quot;&amp;&apos;&lt;3&gt;!(x)*\\zz</pw>', '<pw>***</pw>'],
  'PowerShell section before &': ['Tr0ub4dor"& was not recognized', '*** was not recognized'],
  'PowerShell section after &': ["'<3>!(x)*\\zz was not recognized", '*** was not recognized'],
};

/** Printed by the step too; the runner masks none of these (nor would a reader need any key to undo them). */
const VISIBLE: Record<string, string> = {
  hex: '547230756234646f722226273c333e212878292a5c7a7a',
  'base64 of secret + "\\n" (echo without -n)': 'VHIwdWI0ZG9yIiYnPDM+ISh4KSpcenoK',
  base64url: 'VHIwdWI0ZG9yIiYnPDM-ISh4KSpceno=',
  // JavaScript's encodeURIComponent keeps ! ' ( ) *, which .NET escapes.
  encodeURIComponent: "Tr0ub4dor%22%26'%3C3%3E!(x)*%5Czz",
  'first half': 'Tr0ub4dor"',
  'second half': "'<3>!(x)*\\",
};

/** `::add-mask::` data as @actions/core escapes it. */
const esc = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

let dir: string;
let runner: FakeRunner;
let step: StepResult;

beforeAll(async () => {
  // A one-step action whose step prints what the test hands it, as an action's step would.
  dir = await mkdtemp(join(tmpdir(), 'masking-action-'));
  await writeFile(join(dir, 'action.yml'), "name: masking probe\ndescription: prints a secret's forms\nruns:\n  using: node24\n  main: main.mjs\n");
  await writeFile(
    join(dir, 'main.mjs'),
    "const lines = JSON.parse(process.env.PROBE_LINES);\nfor (const l of lines) process.stdout.write(l + '\\n');\n",
  );
  runner = await startFakeRunner({ actionDir: dir, mint: async () => 'unused' });
  const lines = [
    `::add-mask::${esc(SECRET)}`,
    ...Object.entries(MASKED).map(([label, [printed]]) => `${label}: ${printed}`),
    ...Object.entries(VISIBLE).map(([label, printed]) => `${label}: ${printed}`),
  ];
  step = (await runner.runJob({ inputs: {}, idToken: false, env: { PROBE_LINES: JSON.stringify(lines) } })).main;
});

afterAll(async () => {
  await runner?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What the log shows after `label: `, for a line the step printed. */
function shownAfter(label: string): string | undefined {
  const line = step.log.split('\n').find((l) => l.startsWith(`${label}: `));
  return line?.slice(label.length + 2);
}

describe("the fake runner's log, for a secret printed in many forms", () => {
  it('runs the step', () => {
    expect(step.exitCode).toBe(0);
    expect(step.printedBeforeMask).toEqual([]);
  });

  it('masks each form the runner masks', () => {
    const verdict = Object.fromEntries(Object.entries(MASKED).map(([label, [, shown]]) => [label, shownAfter(label) === shown ? 'masked as GitHub shows it' : 'differs']));
    expect(verdict).toEqual(Object.fromEntries(Object.keys(MASKED).map((l) => [l, 'masked as GitHub shows it'])));
  });

  it('shows in the clear each form the runner does not mask, so a leak scan still finds it', () => {
    const verdict = Object.fromEntries(Object.entries(VISIBLE).map(([label, printed]) => [label, shownAfter(label) === printed ? 'visible' : 'masked']));
    expect(verdict).toEqual(Object.fromEntries(Object.keys(VISIBLE).map((l) => [l, 'visible'])));
  });
});

describe("the runner's add-mask rules", () => {
  const log = (...lines: string[]) => processLog(`${lines.join('\n')}\n`, '');

  it('has no minimum length: a one-character secret stars out that character everywhere', () => {
    const out = log('::add-mask::Q', 'Quick Q, quite');
    expect(out.log).toBe('***uick ***, quite');
  });

  it('registers each line trimmed, so an indented line printed on its own is masked', () => {
    const out = log(`::add-mask::${esc('  first-line-of-key  \r\n\tsecond-line-of-key')}`, 'first-line-of-key', 'x second-line-of-key y');
    expect(out.log).toBe('***\nx *** y');
    expect([...out.masks].sort()).toEqual(['  first-line-of-key  \r\n\tsecond-line-of-key', 'first-line-of-key', 'second-line-of-key']);
  });

  it('refuses a blank mask with its warning', () => {
    const out = log('::add-mask::   ');
    expect(out.warnings).toEqual(["Can't add secret mask for empty string in ##[add-mask] command."]);
  });

  it('masks a stop-commands token longer than 6 characters (and not a shorter one)', () => {
    expect(log('::stop-commands::resume-7f3a', 'resume-7f3a in text', '::resume-7f3a::').log).toBe('::stop-commands::***\n*** in text\n::***::');
    expect(log('::stop-commands::tok123', 'tok123', '::tok123::').log).toBe('::stop-commands::tok123\ntok123\n::tok123::');
  });

  it('ends a line at a lone CR too (.NET ReadLine), so a command after a progress line is still a command', () => {
    const out = processLog('progress 50%\r::add-mask::lone-cr-secret\r\nnow lone-cr-secret\rand again lone-cr-secret\n', '');
    expect(out.commands).toEqual(['add-mask']);
    expect(out.log).toBe('progress 50%\nnow ***\nand again ***');
  });

  it('merges overlapping matches into one ***', () => {
    const out = log('::add-mask::abcdef', '::add-mask::defghi', 'xx abcdefghi yy');
    expect(out.log).toBe('xx *** yy');
  });

  it('records an encoded form printed before the secret was registered', () => {
    const out = log('early: VHIwdWI0ZG9yIiYnPDM+ISh4KSpceno=', `::add-mask::${esc(SECRET)}`);
    expect(out.printedBeforeMask.length).toBe(1);
    expect(out.printedBeforeMask[0] === 'VHIwdWI0ZG9yIiYnPDM+ISh4KSpceno=').toBe(true);
  });
});
