// The GitLab script's copy of the names-the-job-chose rule, as GitLab runs it (the script embedded in the
// template), held to the same table as src/client/name-choice.ts (test/exchange/name-choice-table.ts), under
// dash, BusyBox sh and bash: a list or the opt-in, valid allow patterns, and each granted name's verdict.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { componentTemplatePath } from '../../src/harness/gitlab/component.js';
import { CHOICES, GRANTED, PATTERNS, verdictOf } from '../exchange/name-choice-table.js';
import { parseGitLabYaml } from './gitlab-schema.js';
import { SHELLS } from './job-env.js';

const run = promisify(execFile);
let dir: string;
let script: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'oidc-exchange-choice-'));
  const body = parseGitLabYaml(readFileSync(componentTemplatePath(), 'utf8'))[1] as Record<string, { before_script: string[] }>;
  script = join(dir, 'embedded.sh');
  writeFileSync(script, Object.values(body)[0]!.before_script[0]!);
  // A file named like a name, so that a pattern the script expanded against the working directory shows.
  writeFileSync(join(dir, 'DB_PASSWORD'), '');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` after sourcing the script, in `dir`; returns exit status and stderr. */
async function sh(shell: string[], body: string, env: Record<string, string> = {}): Promise<{ status: number; stderr: string }> {
  try {
    const r = await run(shell[0]!, [...shell.slice(1), '-c', `. "$1"\n${body}`, 'sh', script], { cwd: dir, env: { PATH: process.env.PATH, ...env } });
    return { status: 0, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stderr: string };
    return { status: err.code, stderr: err.stderr };
  }
}

describe.each(SHELLS)('under %s', (_label, shell) => {
  it.each(CHOICES.map((c) => [c.listed, c.exportAll, c] as const))('listed %d, export_all %s', async (_l, _e, c) => {
    const targets = Array.from({ length: c.listed }, (_, i) => ` NAME_${i}`).join('');
    const r = await sh(shell, `_oe_export_all=${c.exportAll}; _oe_allow_names=$A; _oe_choice_ok "$T"`, { T: targets, A: c.allow ?? '*' });
    expect({ status: r.status === 0, stderr: r.stderr }).toMatchObject({ status: c.ok });
    if (c.says) expect(r.stderr).toMatch(c.says);
    if (!c.exportAll && c.listed === 0) expect(r.stderr).toContain('list the names in the input secrets (one per line), or set the input export_all: true');
  });

  it('allow patterns: valid or not as the table says', async () => {
    const got: string[] = [];
    for (const p of PATTERNS) {
      const r = await sh(shell, `_oe_allow_names=$A; _oe_allow_ok`, { A: p.allow });
      if ((r.status === 0) !== p.ok) got.push(`${JSON.stringify(p.allow)}: shell ${r.status} ${r.stderr.trim()}`);
    }
    expect(got).toEqual([]);
  });

  it('each granted name: the verdict the table gives', async () => {
    const input = join(dir, `granted-${shell.join('').replace(/\W/g, '')}`);
    writeFileSync(input, GRANTED.map((g) => `${g.allow}\t${g.name}`).join('\n') + '\n');
    const driver = `while IFS='	' read -r a n; do
  _oe_allow_names=$a
  _oe_allow_ok 2>/dev/null || { printf '%s\\tbad-pattern\\n' "$n"; continue; }
  m=$(_oe_granted_ok "$n" 2>&1)
  printf '%s\\t%s\\n' "$n" "$m"
done <"$2"`;
    const r = await run(shell[0]!, [...shell.slice(1), '-c', `. "$1"\n${driver}`, 'sh', script, input], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
    expect(lines).toHaveLength(GRANTED.length);
    const mismatches = GRANTED.flatMap((g, i) => {
      const [name, message] = lines[i]!;
      const verdict = message === 'bad-pattern' ? 'bad-pattern' : verdictOf(message);
      return name === g.name && verdict === g.verdict ? [] : [`${g.name} under ${g.allow}: shell ${verdict}, table ${g.verdict}`];
    });
    expect(mismatches).toEqual([]);
  });
});
