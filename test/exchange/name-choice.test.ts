// The names-the-job-chose rule as the action and the generic client use it (src/client/name-choice.ts), held
// to the shared table the GitLab script is held to as well.
import { describe, expect, it } from '@jest/globals';
import { ACTION_WORDS, CLI_WORDS, grantedNameProblem, nameChoiceProblem, parseAllowNames } from '../../src/client/name-choice.js';
import { CHOICES, GRANTED, PATTERNS, verdictOf } from './name-choice-table.js';

describe('the names a job chose', () => {
  it.each(CHOICES.map((c) => [c.listed, c.exportAll, c] as const))('listed %d, export-all %s', (_l, _e, c) => {
    for (const words of [ACTION_WORDS, CLI_WORDS]) {
      // As the clients call it: the allow setting parsed first (parseAllowNames), then the choice checked.
      const allow = c.allow === undefined ? undefined : parseAllowNames(c.allow, words).patterns;
      const problem = nameChoiceProblem({ listed: c.listed, exportAll: c.exportAll, allow }, words);
      expect(problem === undefined).toBe(c.ok);
      if (c.says) expect(problem).toMatch(c.says);
    }
  });

  it('says how to ask when nothing was chosen, in each client\'s words', () => {
    expect(nameChoiceProblem({ listed: 0, exportAll: false }, ACTION_WORDS)).toContain('list the names in the secrets input (one per line), or set export-all: true');
    expect(nameChoiceProblem({ listed: 0, exportAll: false }, CLI_WORDS)).toContain('list the names with --secret NAME (once per name), or set --export-all');
  });

  it.each(PATTERNS.map((p) => [JSON.stringify(p.allow).slice(0, 40), p] as const))('allow patterns %s', (_s, p) => {
    expect(parseAllowNames(p.allow, ACTION_WORDS).problems.length === 0).toBe(p.ok);
  });

  it.each(GRANTED.map((g) => [g.name.slice(0, 40), g.allow, g] as const))('a granted %s under allow %j', (_n, _a, g) => {
    const { patterns, problems } = parseAllowNames(g.allow, ACTION_WORDS);
    expect(problems).toEqual([]);
    expect(verdictOf(grantedNameProblem(g.name, patterns, ACTION_WORDS))).toBe(g.verdict);
  });
});
