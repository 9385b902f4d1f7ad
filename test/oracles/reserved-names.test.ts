// The reserved-name list held to the hand-written table (reserved-names-table.ts), both ways: every row of the
// table is refused (in any case, with its group's reason), and every entry of the list has its row, so a name
// deleted from the list, or added without a reason, fails here. The credential exceptions and the near misses
// stay free.
import { describe, expect, it } from '@jest/globals';
import { CREDENTIAL_NAMES, exportNameProblem, RESERVED, reservedBy } from '../../src/client/reserved-names.js';
import { allRows, CREDENTIALS, FREE, probe, WHY, type Group } from './reserved-names-table.js';

const rows = allRows();
const refusal = (name: string, group: Group) => `${name} is refused: the name is reserved because ${WHY[group]}; export the secret under another name with "NAME | OTHER_NAME"`;

describe('the reserved-name list against the hand-written table', () => {
  it.each(rows.map((r) => [r.kind, r.entry, r] as const))('%s %s is reserved, with its reason, in every case', (_kind, _entry, row) => {
    const name = probe(row);
    for (const spelling of [name, name.toLowerCase(), name.charAt(0) + name.slice(1).toLowerCase()]) {
      expect(exportNameProblem(spelling)).toBe(refusal(spelling, row.group));
      // A broker-chosen name must start with a letter: `_JAVA...` is refused for its shape before its name.
      if (/^[A-Z]/i.test(spelling)) expect(exportNameProblem(spelling.toUpperCase(), 'broker')).toBe(refusal(spelling.toUpperCase(), row.group));
      expect(reservedBy(spelling)?.why).toBe(WHY[row.group]);
    }
  });

  it('every name, prefix and suffix of the list has its row in the table, in the same group', () => {
    const groupOf = (why: string) => (Object.entries(WHY).find(([, w]) => w === why) ?? ['(a reason the table does not know)'])[0];
    const inList = RESERVED.flatMap((g) => [
      ...(g.names ?? []).map((e) => `${groupOf(g.why)} name ${e}`),
      ...(g.prefixes ?? []).map((e) => `${groupOf(g.why)} prefix ${e}`),
      ...(g.suffixes ?? []).map((e) => `${groupOf(g.why)} suffix ${e}`),
    ]);
    const inTable = rows.map((r) => `${r.group} ${r.kind} ${r.entry}`);
    // Both directions: nothing in the list without a row (a reason), no row whose entry left the list.
    expect([...inList].sort()).toEqual([...inTable].sort());
    expect(new Set(inList).size).toBe(inList.length);
    expect(RESERVED.map((g) => g.why).sort()).toEqual(Object.values(WHY).sort());
  });

  it.each(CREDENTIALS.map(([n, why]) => [n, why]))('%s may be exported: %s', (name) => {
    expect(exportNameProblem(name)).toBeUndefined();
    expect(exportNameProblem(name.toLowerCase())).toBeUndefined();
    expect(exportNameProblem(name, 'broker')).toBeUndefined();
    expect(reservedBy(name)).toBeUndefined();
  });

  it('the credential exceptions are exactly the table\'s', () => {
    expect([...CREDENTIAL_NAMES].sort()).toEqual(CREDENTIALS.map(([n]) => n).sort());
  });

  it.each(FREE.map(([n, why]) => [n, why]))('%s may be exported: %s', (name) => {
    expect(exportNameProblem(name)).toBeUndefined();
    expect(exportNameProblem(name, 'broker')).toBeUndefined();
    expect(reservedBy(name)).toBeUndefined();
  });
});
