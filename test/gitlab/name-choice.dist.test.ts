// The GitLab script's copy of the names-the-job-chose rule, as GitLab runs it (the script embedded in the
// template), held to the same table as src/client/name-choice.ts (test/exchange/name-choice-table.ts), under
// dash, BusyBox sh and bash: a list or the opt-in, valid allow patterns, and each granted name's verdict.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHOICES, GRANTED, PATTERNS, verdictOf } from '../exchange/name-choice-table.js';
import { sourced, useEmbeddedScript } from './embedded-script.js';
import { SHELLS } from './job-env.js';

const script = useEmbeddedScript('oidc-exchange-choice-');
// A file named like a name, so that a pattern the script expanded against the working directory shows.
beforeAll(() => writeFileSync(join(script.dir, 'DB_PASSWORD'), ''));

/** Runs `body` after sourcing the script, in its folder. */
const sh = (shell: string[], body: string, env: Record<string, string> = {}) => sourced(shell, script, body, { env });

describe.each(SHELLS)('under %s', (_label, shell) => {
  it.each(CHOICES.map((c) => [c.listed, c.exportAll, c] as const))('listed %d, export_all %s', async (_l, _e, c) => {
    const targets = Array.from({ length: c.listed }, (_, i) => ` NAME_${i}`).join('');
    const r = await sh(shell, `_oe_export_all=${c.exportAll}; _oe_allow_names=$A; _oe_choice_ok "$T"`, { T: targets, A: c.allow ?? '*' });
    expect({ status: r.status === 0, stderr: r.stderr }).toMatchObject({ status: c.ok });
    if (c.says) expect(r.stderr).toMatch(c.says);
    if (!c.exportAll && c.listed === 0) expect(r.stderr).toContain('list the names in the input secrets (one per line), or set the input export_all: true');
  });

  it('allow patterns: valid or not as the table says', async () => {
    // One shell for all of them (a loaded machine starts bash slowly): pattern i arrives as $Pi, each answer
    // on its own framed line.
    const env = Object.fromEntries(PATTERNS.map((p, i) => [`P${i}`, p.allow]));
    const driver = `i=0; while [ "$i" -lt ${PATTERNS.length} ]; do
  eval "_oe_allow_names=\\$P$i"
  if _oe_allow_ok 2>/dev/null; then printf '@@%s ok\\n' "$i"; else printf '@@%s refused\\n' "$i"; fi
  i=$((i + 1))
done`;
    const r = await sh(shell, driver, env);
    expect(r.status).toBe(0);
    const answers = r.stdout.trimEnd().split('\n');
    const got = PATTERNS.flatMap((p, i) => (answers[i] === `@@${i} ${p.ok ? 'ok' : 'refused'}` ? [] : [`${JSON.stringify(p.allow)}: shell ${answers[i]}`]));
    expect(got).toEqual([]);
    expect(answers).toHaveLength(PATTERNS.length);
  });

  it('each granted name: the verdict the table gives', async () => {
    const input = join(script.dir, `granted-${shell.join('').replace(/\W/g, '')}`);
    writeFileSync(input, GRANTED.map((g) => `${g.allow}\t${g.name}`).join('\n') + '\n');
    const driver = `while IFS='	' read -r a n; do
  _oe_allow_names=$a
  _oe_allow_ok 2>/dev/null || { printf '%s\\tbad-pattern\\n' "$n"; continue; }
  m=$(_oe_granted_ok "$n" 2>&1)
  printf '%s\\t%s\\n' "$n" "$m"
done <"$2"`;
    const r = await sourced(shell, script, driver, { args: [input] });
    expect(r.status).toBe(0);
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
