// The GitLab script's name check held to the hand-written table (test/oracles/reserved-names-table.ts), not to
// the TypeScript list it is generated from: a name removed from the list and the script together fails here.
// Under dash, BusyBox sh and bash, one shell process each runs `_oe_name_ok` (the script embedded in the
// template, as GitLab runs it) on every row's name in three spellings, the credential exceptions and the near
// misses, and the verdict and the reason must be the table's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRows, CREDENTIALS, FREE, probe, WHY, type Group } from '../oracles/reserved-names-table.js';
import { sourced, useEmbeddedScript } from './embedded-script.js';
import { SHELLS } from './job-env.js';

/** What the shell must answer for each name: the reason's group, or null when the name is free. */
function expectations(): Map<string, Group | null> {
  const out = new Map<string, Group | null>();
  for (const row of allRows()) {
    const name = probe(row);
    for (const spelling of [name, name.toLowerCase(), name.charAt(0) + name.slice(1).toLowerCase()]) out.set(spelling, row.group);
  }
  for (const [name] of [...CREDENTIALS, ...FREE]) {
    out.set(name, null);
    out.set(name.toLowerCase(), null);
  }
  return out;
}

const script = useEmbeddedScript('oidc-exchange-oracle-');

describe.each(SHELLS)('under %s', (_label, shell) => {
  it("refuses every name of the table with the table's reason, and lets the credentials and near misses through", async () => {
    const expected = expectations();
    const input = join(script.dir, `names-${shell.join('-').replace(/\W/g, '')}`);
    writeFileSync(input, [...expected.keys()].join('\n') + '\n');
    // No command substitution per name (one process for all of them): each answer is framed by marker lines.
    const driver = `while IFS= read -r n; do
  printf '@@name %s\\n' "$n"
  _oe_name_ok "$n" 2>&1
  printf '@@status %s\\n' "$?"
done <"$2"`;
    const { status, stdout } = await sourced(shell, script, driver, { args: [input] });
    expect(status).toBe(0);
    const answers = new Map<string, { status: string; message: string }>();
    for (const block of stdout.split('@@name ').slice(1)) {
      const m = /^(.*)\n([\s\S]*?)@@status (\d+)\n$/.exec(block);
      if (!m) throw new Error(`unreadable answer: ${JSON.stringify(block)}`);
      answers.set(m[1]!, { status: m[3]!, message: m[2]!.trimEnd() });
    }
    const wrong: string[] = [];
    for (const [name, group] of expected) {
      const got = answers.get(name);
      const want =
        group === null
          ? { status: '0', message: '' }
          : { status: '1', message: `oidc-exchange: error: ${name} is refused: the name is reserved because ${WHY[group]}; export the secret under another name with "NAME | OTHER_NAME"` };
      if (got?.status !== want.status || got.message !== want.message) wrong.push(`${name}: shell ${JSON.stringify(got)}; table ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
    expect(answers.size).toBe(expected.size);
  }, 60_000);
});
