// What the linter needs to know about one compiled matcher. Two kinds of question, answered two ways:
// - "Does it accept X?" is always asked of the broker's own compiled matcher (`matcher.test`), never of a
//   second reading of the syntax, so the lint and the broker cannot disagree about what a policy admits.
// - "Which part of the value is fixed text?" (is the owner literal, which repository does a `sub` name) is
//   read from the matcher's source, token by token, conservatively: anything not plainly literal counts as a
//   wildcard. Wherever a literal is derived, the matcher itself is asked to confirm that it accepts it.
import type { Matcher } from '../policy/policy.js';

type Token = { literal: string } | { meta: string };

/** Characters a `\` makes literal in a `u`-mode regular expression. */
const SYNTAX_ESCAPES = new Set([...'^$\\.*+?()[]{}|/-']);
const CONTROL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

/** A `{pattern}` source as literal characters and metacharacters; classes and escapes like `\d` are meta. */
export function patternTokens(source: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (SYNTAX_ESCAPES.has(n)) out.push({ literal: n });
      else if (n in CONTROL_ESCAPES && !(n === '0' && /[0-9]/.test(source[i + 2] ?? ''))) out.push({ literal: CONTROL_ESCAPES[n]! });
      else if (n === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) {
        out.push({ literal: String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)) });
        i += 2;
      } else if (n === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 2, i + 6))) {
        out.push({ literal: String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)) });
        i += 4;
      } else out.push({ meta: `\\${n}` });
      i++;
    } else if (c === '[') {
      // A class, up to its unescaped closing bracket.
      let j = i + 1;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out.push({ meta: source.slice(i, j + 1) });
      i = j;
    } else if ('^$.*+?(){}|'.includes(c)) out.push({ meta: c });
    else out.push({ literal: c });
  }
  return out;
}

function isLiteral(t: Token): t is { literal: string } {
  return 'literal' in t;
}

/** Whether a pattern has an alternation outside every group: `a/b|c` accepts `c`, whatever `a/b` says. */
export function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  for (const t of patternTokens(source)) {
    if (isLiteral(t)) continue;
    if (t.meta === '(') depth++;
    else if (t.meta === ')') depth--;
    else if (t.meta === '|' && depth === 0) return true;
  }
  return false;
}

/** The one value a matcher accepts, when it accepts exactly one: an exact string, or a pattern of literals. */
export function literalOf(m: Matcher): string | undefined {
  if (m.kind === 'exact') return m.source;
  if (m.kind === 'glob') return undefined;
  // `^` and `$` at the ends repeat the anchors the broker adds: `^main$` is as literal as `main`.
  const tokens = patternTokens(m.source);
  if (tokens[0] && !isLiteral(tokens[0]) && tokens[0].meta === '^') tokens.shift();
  const last = tokens.at(-1);
  if (last && !isLiteral(last) && last.meta === '$') tokens.pop();
  if (!tokens.every(isLiteral)) return undefined;
  const text = tokens.map((t) => t.literal).join('');
  return m.test(text) ? text : undefined;
}

/**
 * Fixed text every accepted value starts with, as far as the source shows: the whole value for a literal,
 * the text before the first wildcard of a glob, the leading literals of a pattern (a literal followed by a
 * quantifier is not fixed; a top-level alternation fixes nothing).
 */
export function literalPrefix(m: Matcher): string {
  const lit = literalOf(m);
  if (lit !== undefined) return lit;
  if (m.kind === 'glob') return m.source.slice(0, m.source.search(/[*?]/));
  if (hasTopLevelAlternation(m.source)) return '';
  const tokens = patternTokens(m.source);
  let prefix = '';
  for (let i = tokens[0] && !isLiteral(tokens[0]) && tokens[0].meta === '^' ? 1 : 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isLiteral(t)) break;
    const next = tokens[i + 1];
    if (next && !isLiteral(next) && ['*', '?', '{', '+'].includes(next.meta)) break;
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

/** The owner an entry admits: one literal owner, a wildcard owner, or no owner at all (a value of another shape). */
export function ownerOf(m: Matcher, format: OwnerFormat): OwnerOf {
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
