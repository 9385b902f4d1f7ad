// What every section loader of the configuration shares. buildConfig (load.ts) calls one loader per section
// (issuers.ts, secrets.ts, store.ts, ...), each taking the section's raw value and this context, and each
// building the settings its part of the broker uses (the part owns the type; config/ only builds it). A loader
// never throws for a problem in the file: it records it by its path in the file, so every problem is reported
// at once and the operator fixes the file in one pass.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';

export interface LoadOptions {
  /** The environment secret sources read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Check at load time that every env/file secret can be delivered (the broker does; `check` does not). */
  checkSources?: boolean;
  /**
   * Refuse the configuration on an `error` lint finding its policy does not override (default true). `check
   * --lint` turns it off to report every finding; `lintFindings` then holds the blocking ones too.
   */
  enforceLint?: boolean;
  /** How the YAML file wrote each number under `policies[*].claims`, by path (parseConfig fills it). */
  numberSources?: ReadonlyMap<string, string>;
  /**
   * Load secrets under names the clients refuse (PATH, GITHUB_TOKEN, ...). Only for tests that play a
   * misconfigured or hostile broker, to show the clients refuse them; the CLI never sets it.
   */
  acceptReservedNames?: boolean;
  /**
   * The clock GitHub Apps read GitHub's rate-limit resets and their JWT times against (default Date.now);
   * tests and benches pass the fake GitHub's sped-up clock.
   */
  now?: () => number;
}

export interface SectionContext {
  /** Every problem found so far, each as `path.in.the.file: what is wrong`. The load fails unless it is empty. */
  problems: string[];
  /** Where secrets, credentials and keys named by `*_env` are read. */
  env: NodeJS.ProcessEnv;
  /** The configuration file's folder: a relative path in the file is relative to it, not to the working directory. */
  folder: string;
  /** Report credentials and files that cannot be read (the broker does: `checkSources`; `check` does not need them). */
  strict: boolean;
  options: LoadOptions;
}

export function sectionContext(file: string, problems: string[], options: LoadOptions): SectionContext {
  return { problems, env: options.env ?? process.env, folder: dirname(file), strict: options.checkSources === true, options };
}

/** A path from the file, made absolute against the file's folder. */
export function pathFrom(path: string, ctx: SectionContext): string {
  return isAbsolute(path) ? path : resolve(ctx.folder, path);
}

/** A file the configuration names, or undefined when it cannot be read (a problem at `at` when strict). */
export async function readNamedFile(path: string, at: string, ctx: SectionContext): Promise<string | undefined> {
  const full = pathFrom(path, ctx);
  try {
    return await readFile(full, 'utf8');
  } catch (e) {
    if (ctx.strict) ctx.problems.push(`${at}: cannot read ${full} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return undefined;
  }
}

/** Sections are mappings; anything else was reported by the schema and is read as empty. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function list(v: unknown): unknown[] & any[] {
  return Array.isArray(v) ? v : [];
}
