// action.yml as the runner reads it: the inputs with their defaults and `required`, the outputs, and the
// entry points. The fake runner and `try-action` take everything from here, so a default or an input that
// exists only in our code and not in action.yml cannot go unnoticed.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';

export interface ActionInput {
  description: string;
  required: boolean;
  /** The runner passes this as INPUT_<NAME> when `with:` omits the input. */
  default?: string;
}

export interface ActionManifest {
  name: string;
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post?: string; 'post-if'?: string };
}

export async function readActionManifest(file: string): Promise<ActionManifest> {
  const raw = parse(await readFile(file, 'utf8'), { uniqueKeys: true }) as Record<string, unknown>;
  const inputs: Record<string, ActionInput> = {};
  for (const [name, spec] of Object.entries((raw.inputs ?? {}) as Record<string, Record<string, unknown>>)) {
    inputs[name] = {
      description: String(spec.description ?? ''),
      required: spec.required === true || spec.required === 'true',
      ...(spec.default !== undefined ? { default: String(spec.default) } : {}),
    };
  }
  return {
    name: String(raw.name ?? ''),
    inputs,
    outputs: (raw.outputs ?? {}) as ActionManifest['outputs'],
    runs: raw.runs as ActionManifest['runs'],
  };
}

/** The variable the runner sets for an input: upper case, spaces to `_`. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
