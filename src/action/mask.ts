// What to register with the runner's masker for each secret, before anything else is printed or exported.
// The runner replaces a registered value only where it appears whole within one log line, so a multi-line
// secret is registered line by line too, and a JSON secret leaf by leaf, numbers included (a job that parses
// it and prints one field, `{"pin": 48213377}`, would otherwise print it in the clear). Very short or purely
// structural fragments (`{`, `],`) and the words `true`/`false` are not registered: the runner would star out
// every occurrence in the log and garble it. The user is warned about each secret that has such a part.
import type { ActionCore } from './toolkit.js';

/** Shorter fragments are not registered. */
export const MIN_MASK_LENGTH = 4;

export interface MaskPlan {
  /** Distinct values to register, longest first. */
  values: string[];
  /** Names of secrets with a value, line or JSON leaf too short to mask (warn the user about these). */
  tooShort: string[];
}

export function planMasks(secrets: Array<{ name: string; value: string }>): MaskPlan {
  const values = new Set<string>();
  const tooShort = new Set<string>();
  for (const { name, value } of secrets) {
    if (value === '') continue;
    const add = (fragment: string, structuralOk: boolean) => {
      const t = fragment.trim();
      if (t === '') return;
      if (!structuralOk && /^[\s{}[\],:"]*$/.test(t)) return;
      if (t.length < MIN_MASK_LENGTH) return void tooShort.add(name);
      values.add(t);
      // Printed by a tool that keeps surrounding spaces, the untrimmed form is what appears.
      if (fragment !== t && !/[\r\n]/.test(fragment)) values.add(fragment);
    };
    add(value, true);
    if (/[\r\n]/.test(value)) for (const line of value.split(/\r?\n|\r/)) add(line, false);
    for (const leaf of jsonLeaves(value)) {
      if (leaf === 'true' || leaf === 'false') tooShort.add(name);
      else add(leaf, true);
    }
  }
  return { values: [...values].sort((a, b) => b.length - a.length), tooShort: [...tooShort] };
}

/** Registers every value (its lines and JSON leaves too) with the runner's masker, and warns about what is too short. */
export function maskSecrets(core: Pick<ActionCore, 'setSecret' | 'warning'>, secrets: Array<{ name: string; value: string }>): void {
  const plan = planMasks(secrets);
  for (const value of plan.values) core.setSecret(value);
  for (const name of plan.tooShort) {
    core.warning(`${name}: a value, line or JSON field shorter than ${MIN_MASK_LENGTH} characters, or a true/false in a JSON secret, was not masked (masking it would star out every occurrence in the log); keep it out of the log`);
  }
}

/** Every leaf of a JSON object or array as text (strings, their lines, numbers, booleans); nothing for other values. */
export function jsonLeaves(value: string): string[] {
  const t = value.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return [];
  }
  const leaves: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      leaves.push(v);
      if (/[\r\n]/.test(v)) leaves.push(...v.split(/\r?\n|\r/));
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      leaves.push(String(v));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(parsed);
  // Numbers as written, too: JSON.parse rounds 12345678901234567890 and drops the 0 of 1.50, but a job
  // printing the field prints what the JSON says. Strings are matched first so digits inside them are skipped.
  for (const m of t.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    if (!m[0].startsWith('"') && !leaves.includes(m[0])) leaves.push(m[0]);
  }
  return leaves;
}
