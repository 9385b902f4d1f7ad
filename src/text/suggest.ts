// "did you mean ...?" for option names, action inputs, component inputs and claim names: the known name
// closest to what was typed, when it is close enough to be a typo rather than a different word. It sits below
// the CLI, the linter and the harness, which all suggest names; the claim names themselves (and the aliases
// people write for them) are platform knowledge, in src/platform/claims.ts.
import { claimAliases, claimNames } from '../platform/claims.js';

/** Edit distance (insert, delete, substitute, swap two neighbours). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `given`, or undefined when none is plausibly meant. */
export function closest(given: string, candidates: readonly string[]): string | undefined {
  const g = given.toLowerCase().replace(/_/g, '-');
  if (!g) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const n = name.toLowerCase().replace(/_/g, '-');
    // A prefix of a longer name (`--conf`) is a likely abbreviation.
    const d = n.startsWith(g) && g.length >= 3 ? 0.5 : editDistance(g, n);
    if (!best || d < best.d) best = { name, d };
  }
  if (!best) return undefined;
  return best.d <= Math.max(2, Math.floor(g.length / 3)) ? best.name : undefined;
}

/** The claims of this kind a misspelt or guessed name most likely meant, for the message. */
export function closestClaims(kind: 'github' | 'gitlab', claim: string): string[] {
  const alias = claimAliases(kind)[claim];
  if (alias) return alias;
  const scored = claimNames(kind).map((k) => [k, editDistance(claim, k)] as const).sort((a, b) => a[1] - b[1]);
  const best = scored[0]?.[1] ?? Infinity;
  return best <= Math.max(2, Math.floor(claim.length / 3)) ? scored.filter(([, d]) => d === best).map(([k]) => k) : [];
}
