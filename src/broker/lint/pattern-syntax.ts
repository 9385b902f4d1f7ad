// A `{pattern}` read by JavaScript's own regular-expression grammar (regexpp, the parser ESLint uses), with the
// flags the broker compiles it with (`su`). A hand tokenizer once read `[]` the POSIX way (a class running on
// to the next `]`) where JavaScript closes an empty class at once, and `octo-org/app[]|.*|[]` looked pinned to
// octo-org while it accepted everything. Here the linter only ever asks the parser; whatever it cannot read
// is "not fixed".
import { RegExpParser, type AST } from '@eslint-community/regexpp';

/** One top-level piece of a pattern: a plain character, or anything else (class, group, quantifier, ...). */
export type Part = { literal: string } | { meta: string };

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** The parsed pattern, or undefined when the parser refuses it (then nothing about it counts as fixed). */
export function parsePattern(source: string): AST.Pattern | undefined {
  try {
    return parser.parsePattern(source, 0, source.length, { unicode: true, unicodeSets: false });
  } catch {
    return undefined;
  }
}

/** Whether a pattern has an alternation outside every group (`a/b|c` accepts `c`); unreadable counts as yes. */
export function hasTopLevelAlternation(source: string): boolean {
  const ast = parsePattern(source);
  return ast === undefined || ast.alternatives.length !== 1;
}

/**
 * The pattern's pieces in order when it is one sequence (no top-level alternation), or undefined. A plain
 * character is a literal; a quantified character is not (`ab*` is `a` then meta `b*`); `^` and `$` are meta.
 */
export function patternParts(source: string): Part[] | undefined {
  const ast = parsePattern(source);
  if (ast === undefined || ast.alternatives.length !== 1) return undefined;
  return ast.alternatives[0]!.elements.map((e): Part => (e.type === 'Character' ? { literal: String.fromCodePoint(e.value) } : { meta: e.raw }));
}

/** Whether a `.` (any character) stands alone somewhere, not under a quantifier: almost always meant as a dot. */
export function hasBareDot(source: string): boolean {
  const ast = parsePattern(source);
  if (ast === undefined) return false;
  let found = false;
  const visit = (node: AST.Node): void => {
    if (found) return;
    switch (node.type) {
      case 'Pattern':
      case 'Group':
      case 'CapturingGroup':
      case 'Assertion':
        if ('alternatives' in node) node.alternatives.forEach(visit);
        return;
      case 'Alternative':
        node.elements.forEach(visit);
        return;
      case 'CharacterSet':
        if (node.kind === 'any') found = true;
        return;
      default:
        return; // a quantified `.` (`.*`) is meant as a wildcard; classes hold no `.` that means "any"
    }
  };
  visit(ast);
  return found;
}

/**
 * A few values a pattern can accept, built from its syntax tree (each alternative tried, classes and sets by
 * a member, quantifiers at their least useful count). Not proof of anything: callers test each against the
 * broker's compiled matcher and use only those it accepts.
 */
export function samplesOf(source: string, limit = 32): string[] {
  const ast = parsePattern(source);
  if (ast === undefined) return [];
  const cap = (xs: string[]) => [...new Set(xs)].slice(0, limit);
  const seq = (elements: readonly AST.Element[]): string[] =>
    elements.reduce<string[]>((acc, e) => cap(acc.flatMap((a) => of(e).map((b) => a + b))), ['']);
  const alts = (alternatives: readonly AST.Alternative[]): string[] => cap(alternatives.flatMap((a) => seq(a.elements)));
  const of = (e: AST.Element): string[] => {
    switch (e.type) {
      case 'Character':
        return [String.fromCodePoint(e.value)];
      case 'CharacterSet':
        if (e.kind === 'any') return ['x', '/'];
        if (e.kind === 'digit') return [e.negate ? 'x' : '1'];
        if (e.kind === 'space') return [e.negate ? 'x' : ' '];
        if (e.kind === 'word') return [e.negate ? '-' : 'x'];
        return ['x'];
      case 'CharacterClass': {
        if (e.negate) return ['x', '-', '/'];
        return cap(e.elements.flatMap((c) => (c.type === 'Character' ? [String.fromCodePoint(c.value)] : c.type === 'CharacterClassRange' ? [String.fromCodePoint(c.min.value)] : ['x'])));
      }
      case 'Quantifier': {
        const one = of(e.element);
        const counts = [...new Set([e.min, Math.max(e.min, 1)])].filter((n) => n <= e.max && n <= 3);
        return cap(counts.flatMap((n) => one.map((s) => s.repeat(n))));
      }
      case 'Group':
      case 'CapturingGroup':
        return alts(e.alternatives);
      default:
        return ['']; // assertions and back-references consume nothing we can predict
    }
  };
  return alts(ast.alternatives);
}

/**
 * The fixed text each top-level alternative starts with (a leading group's alternatives counted one by one):
 * `main|develop` gives `main` and `develop`, `(main|dev)-.*` gives `main` and `dev`. Every value the pattern
 * accepts starts with one of them. Undefined when the parser refuses the pattern.
 */
export function alternativePrefixes(source: string, limit = 32): string[] | undefined {
  const ast = parsePattern(source);
  if (ast === undefined) return undefined;
  const ofAlternatives = (alternatives: readonly AST.Alternative[]): string[] => alternatives.flatMap((a) => ofSequence(a.elements)).slice(0, limit);
  const ofSequence = (elements: readonly AST.Element[]): string[] => {
    let prefix = '';
    for (const [i, e] of elements.entries()) {
      if (e.type === 'Character') {
        prefix += String.fromCodePoint(e.value);
        continue;
      }
      // `^` at the very start changes nothing: the broker anchors the pattern anyway.
      if (i === 0 && e.type === 'Assertion' && e.kind === 'start') continue;
      if (e.type === 'Group' || e.type === 'CapturingGroup') return ofAlternatives(e.alternatives).map((inner) => prefix + inner);
      break;
    }
    return [prefix];
  };
  return ofAlternatives(ast.alternatives);
}
