// What the linter needs to know about one compiled matcher. Two kinds of question, answered two ways:
// - "Does it accept X?" is always asked of the broker's own compiled matcher (`matcher.test`), never of a
//   second reading of the syntax, so the lint and the broker cannot disagree about what a policy admits.
// - "Which part of the value is fixed text?" (is the owner literal, which repository does a `sub` name) is
//   read from the pattern's syntax tree as JavaScript's own grammar parses it (pattern-syntax.ts),
//   conservatively: any class, group, alternation or quantifier is not fixed. Wherever a literal is derived,
//   the matcher itself is asked to confirm it: that it accepts the literal, and that it refuses the same
//   value under another owner.
import type { Matcher } from '../policy/policy.js';
import { hasTopLevelAlternation, patternParts, samplesOf, type Part } from './pattern-syntax.js';

export { hasTopLevelAlternation };

function isLiteral(t: Part): t is { literal: string } {
  return 'literal' in t;
}

/** A pattern's top-level pieces without the `^`/`$` at its ends, which repeat the anchors the broker adds. */
function innerParts(source: string): Part[] | undefined {
  const parts = patternParts(source);
  if (parts === undefined) return undefined;
  const first = parts[0];
  if (first && !isLiteral(first) && first.meta === '^') parts.shift();
  const last = parts.at(-1);
  if (last && !isLiteral(last) && last.meta === '$') parts.pop();
  return parts;
}

/** The one value a matcher accepts, when it accepts exactly one: an exact string, or a pattern of literals. */
export function literalOf(m: Matcher): string | undefined {
  if (m.kind === 'exact') return m.source;
  if (m.kind === 'glob') return undefined;
  const parts = innerParts(m.source);
  if (parts === undefined || !parts.every(isLiteral)) return undefined;
  const text = parts.map((t) => t.literal).join('');
  return m.test(text) ? text : undefined;
}

/**
 * Fixed text every accepted value starts with, as far as the source shows: the whole value for a literal,
 * the text before the first wildcard of a glob, the leading plain characters of a pattern (a quantified
 * character, a class, a group or a top-level alternation ends it).
 */
export function literalPrefix(m: Matcher): string {
  const lit = literalOf(m);
  if (lit !== undefined) return lit;
  if (m.kind === 'glob') return m.source.slice(0, m.source.search(/[*?]/));
  const parts = innerParts(m.source) ?? [];
  let prefix = '';
  for (const t of parts) {
    if (!isLiteral(t)) break;
    prefix += t.literal;
  }
  return prefix;
}

/**
 * A value the matcher accepts, built from its source (wildcards filled with `fill`), or undefined when none
 * can be built. Used to show an operator a concrete value a wildcard lets in; always confirmed by `test`.
 */
export function sampleOf(m: Matcher, fill = 'x'): string | undefined {
  const lit = literalOf(m);
  if (lit !== undefined) return lit;
  if (m.kind === 'glob') {
    // A wildcard after a name continues it (`octo-org*` -> `octo-org-evil`); anywhere else it stands alone.
    const s = m.source.replace(/\*\*|\*|\?/g, (w, at: number) => {
      if (w === '?') return 'x';
      return /[A-Za-z0-9]/.test(m.source[at - 1] ?? '') ? fill : fill.replace(/^[^A-Za-z0-9]+/, '');
    });
    return m.test(s) ? s : undefined;
  }
  return undefined;
}

/** How a claim's value names its owner. */
export type OwnerFormat =
  | 'path' //          `owner/...` (repository, workflow_ref, project_path, ...); a path without `/` is its own owner
  | 'whole' //         the value is the owner (repository_owner)
  | 'github-sub' //    `...repo:OWNER/REPO...` or `repo:OWNER@ID/REPO@ID...`
  | 'gitlab-sub'; //   `project_path:GROUP/...`

export type OwnerOf = { literal: string } | { wildcard: true } | { none: true };

/**
 * The owner an entry admits: one literal owner, a wildcard owner, or no owner at all (a value of another shape).
 * An owner read from the source is then put to the compiled matcher: if it accepts one of the values it
 * accepts under that owner with the owner swapped for another, the owner is a wildcard after all.
 */
export function ownerOf(m: Matcher, format: OwnerFormat): OwnerOf {
  const read = ownerInSource(m, format);
  if ('literal' in read && acceptsAnotherOwner(m, format, read.literal)) return { wildcard: true };
  return read;
}

/** Where the owner starts in a whole value of the given format, or -1 when the value names none. */
function ownerAt(value: string, format: OwnerFormat): number {
  if (format === 'github-sub') {
    const at = repoKeyAt(value);
    return at < 0 ? -1 : at + 'repo:'.length;
  }
  if (format === 'gitlab-sub') return value.startsWith('project_path:') ? 'project_path:'.length : -1;
  return 0;
}

/** Whether the matcher accepts a value it accepts under `owner` with that owner replaced by another. */
function acceptsAnotherOwner(m: Matcher, format: OwnerFormat, owner: string): boolean {
  const witnesses = [literalOf(m), sampleOf(m), ...(m.kind === 'pattern' ? samplesOf(m.source) : [])];
  for (const w of witnesses) {
    if (w === undefined || !m.test(w)) continue;
    const at = ownerAt(w, format);
    if (at < 0 || !w.startsWith(owner, at)) continue;
    for (const other of ['evil', `${owner}x`]) {
      if (m.test(w.slice(0, at) + other + w.slice(at + owner.length))) return true;
    }
  }
  return false;
}

/** The owner as the source's fixed text shows it. */
function ownerInSource(m: Matcher, format: OwnerFormat): OwnerOf {
  const lit = literalOf(m);
  const text = lit ?? literalPrefix(m);
  const complete = lit !== undefined;
  const upTo = (s: string, stops: RegExp): OwnerOf => {
    const end = s.search(stops);
    if (end > 0) return { literal: s.slice(0, end) };
    if (end === 0) return { none: true };
    return complete && s.length > 0 ? { literal: s } : { wildcard: true };
  };
  switch (format) {
    case 'whole':
      return complete ? { literal: text } : { wildcard: true };
    case 'path':
      return upTo(text, /\//);
    case 'github-sub': {
      // A subject whose fixed text does not reach the `repo:` key leaves the owner to a wildcard; a literal
      // subject without one (a customized subject without `repo`) names no owner.
      const at = repoKeyAt(text);
      if (at < 0) return complete ? { none: true } : { wildcard: true };
      return upTo(text.slice(at + 'repo:'.length), /[/@:]/);
    }
    case 'gitlab-sub': {
      if (!text.startsWith('project_path:')) return complete ? { none: true } : { wildcard: true };
      return upTo(text.slice('project_path:'.length), /[/:]/);
    }
  }
}

/** Where the `repo:` key of a GitHub subject starts in fixed text (at the start or after a `:`), or -1. */
export function repoKeyAt(text: string): number {
  if (text.startsWith('repo:')) return 0;
  const i = text.indexOf(':repo:');
  return i < 0 ? -1 : i + 1;
}

/** The `OWNER/REPO` (or immutable `OWNER@ID/REPO@ID`) a GitHub subject entry fixes, when its fixed text does. */
export function subRepoOf(m: Matcher): string | undefined {
  const lit = literalOf(m);
  return subRepoIn(lit ?? literalPrefix(m), lit !== undefined);
}

/** The repository part of a subject's fixed text; `complete` when the text is the whole value. */
export function subRepoIn(text: string, complete: boolean): string | undefined {
  const at = repoKeyAt(text);
  if (at < 0) return undefined;
  const rest = text.slice(at + 'repo:'.length);
  const end = rest.indexOf(':');
  if (end < 0) return complete && rest.includes('/') ? rest : undefined;
  const repo = rest.slice(0, end);
  return repo.includes('/') ? repo : undefined;
}

/** The `GROUP/.../PROJECT` a GitLab subject entry fixes, when its fixed text does. */
export function subProjectOf(m: Matcher): string | undefined {
  const text = literalOf(m) ?? literalPrefix(m);
  const mm = /^project_path:([^:]+\/[^:]+):/.exec(text);
  return mm?.[1];
}

/** Accepts the value "true" and refuses "false" (and the empty string): GitLab's protected flags. */
export function acceptsOnlyTrue(entries: readonly Matcher[]): boolean {
  const ok = (v: string) => entries.some((m) => m.test(v));
  return ok('true') && !ok('false') && !ok('');
}
