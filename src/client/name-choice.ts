// Which secret names a job exports: the one rule the GitHub Action, the generic client (`oidc-exchange
// exchange`) and the GitLab component share (the component's shell carries the same rule, held to the same
// test table as this file).
//
// A name a later step reads decides what that step does (GOCACHEPROG runs a program on every Go build,
// CYPRESS_INSTALL_BINARY downloads one), and new such names appear faster than any deny-list grows. So the job
// chooses its names: by default it lists them, and a client with no list exports nothing. Taking "everything
// the policy grants" is an explicit opt-in, and even then every granted name must match one of the job's allow
// patterns (which the job can narrow) and pass the reserved-name deny-list, which stays as a second wall that
// no setting overrides.
import { exportNameProblem } from './reserved-names.js';

/**
 * One allow pattern: upper-case letters, digits, `_` and `*` (any run of those characters). Nothing else, so a
 * pattern means the same to a JavaScript client and to a POSIX shell's `case`.
 */
export const ALLOW_PATTERN = /^[A-Z0-9_*]{1,128}$/;

/** The allow patterns when the job gives none: any name of the shape a broker may choose (BROKER_CHOSEN_NAME). */
export const DEFAULT_ALLOW_NAMES = '*';

/** How one client names its settings in messages: `secrets` / `export-all: true` / `allow-names`. */
export interface NameChoiceWords {
  /** How to list names, e.g. 'list the names in the secrets input (one per line)'. */
  list: string;
  /** The opt-in, e.g. 'export-all: true'. */
  exportAll: string;
  /** The allow patterns' setting, e.g. 'allow-names'. */
  allowNames: string;
}

export const ACTION_WORDS: NameChoiceWords = { list: 'list the names in the secrets input (one per line)', exportAll: 'export-all: true', allowNames: 'allow-names' };
export const CLI_WORDS: NameChoiceWords = { list: 'list the names with --secret NAME (once per name)', exportAll: '--export-all', allowNames: '--allow-names' };

export class NameChoiceError extends Error {
  readonly code = 'names_not_chosen';
  constructor(message: string) {
    super(message);
    this.name = 'NameChoiceError';
  }
}

/**
 * Why the job's choice of names cannot run, or undefined when it can: with no list the job must opt in to
 * everything granted, and a list and the opt-in together are contradictory, as are allow patterns without the
 * opt-in (they narrow nothing). Checked before any request, so a
 * job that chose nothing spends no token.
 */
export function nameChoiceProblem(choice: { listed: number; exportAll: boolean; allow?: readonly string[] }, words: NameChoiceWords): string | undefined {
  if (choice.listed === 0 && !choice.exportAll) {
    return `no secret names were chosen, so nothing would be exported: ${words.list}, or set ${words.exportAll} to export every name the policy grants (narrowed by ${words.allowNames})`;
  }
  if (choice.listed > 0 && choice.exportAll) {
    return `${words.exportAll} exports every name the policy grants, but names are listed too: keep the list and drop ${words.exportAll}, or the reverse`;
  }
  // Patterns given without the opt-in would be ignored, and the job would believe its names narrowed.
  const allow = choice.allow ?? [DEFAULT_ALLOW_NAMES];
  if (!choice.exportAll && (allow.length !== 1 || allow[0] !== DEFAULT_ALLOW_NAMES)) {
    return `${words.allowNames} only narrows ${words.exportAll}; with a list, the listed names are the ones exported: drop ${words.allowNames}, or drop the list and set ${words.exportAll}`;
  }
  return undefined;
}

/** The allow patterns of a setting (separated by spaces, commas or new lines), or the problems with them. */
export function parseAllowNames(text: string, words: NameChoiceWords): { patterns: string[]; problems: string[] } {
  const words_ = text.split(/[\s,]+/).filter((w) => w !== '');
  const problems = words_
    .filter((w) => !ALLOW_PATTERN.test(w))
    .map((w) => `${words.allowNames}: ${JSON.stringify(w.slice(0, 130))} is not a name pattern (upper-case letters, digits, _ and * for any run of them, e.g. APP_* DB_PASSWORD)`);
  if (words_.length === 0) problems.push(`${words.allowNames} is empty: give at least one name pattern, e.g. * or APP_*`);
  return { patterns: words_.filter((w) => ALLOW_PATTERN.test(w)), problems };
}

/** `name` matches one of the patterns (`*` stands for any run of characters, possibly none). */
export function allowedBy(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => new RegExp(`^${p.replace(/\*+/g, '.*')}$`).test(name));
}

/**
 * Why a name the broker granted under the opt-in cannot be exported, or undefined when it can: the shape a
 * broker-chosen name must have and the reserved names first (the wall no setting moves), then the job's allow
 * patterns.
 */
export function grantedNameProblem(name: string, patterns: readonly string[], words: NameChoiceWords): string | undefined {
  const problem = exportNameProblem(name, 'broker');
  if (problem) return problem;
  if (!allowedBy(name, patterns)) {
    return `${name} is not exported: it matches none of ${words.allowNames} (${patterns.join(' ')}); widen ${words.allowNames}, or list the secrets you want instead of ${words.exportAll}`;
  }
  return undefined;
}
