// Pre-shared tokens the broker accepts from its own operators' tools (GitLab's revocation client, the admin
// API): read from an environment variable or a file, one per line (two while rotating), compared in constant
// time so neither a token's content nor its length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { pathFrom } from './config/backends.js';

export interface SharedTokens {
  /** Undefined when they could not be read (only a configuration loaded without reading files has that). */
  tokens?: string[];
  /** Where they come from, for logs (never a token). */
  origin: string;
}

/** `{ token_env }` or `{ token_file }`, exactly one; problems reported under `at`. */
export async function loadSharedTokens(
  raw: { token_env?: unknown; token_file?: unknown },
  at: string,
  ctx: { file: string; env: NodeJS.ProcessEnv; strict: boolean; problems: string[] },
): Promise<SharedTokens | undefined> {
  const hasEnv = typeof raw.token_env === 'string';
  const hasFile = typeof raw.token_file === 'string';
  if (hasEnv === hasFile) {
    ctx.problems.push(`${at}: set exactly one of token_env or token_file`);
    return undefined;
  }
  let text: string | undefined;
  let origin: string;
  let where: string;
  if (hasEnv) {
    origin = `env ${raw.token_env as string}`;
    where = `${at}.token_env`;
    text = ctx.env[raw.token_env as string];
    if (text === undefined && ctx.strict) ctx.problems.push(`${where}: environment variable ${raw.token_env as string} is not set`);
  } else {
    const path = pathFrom(raw.token_file as string, ctx.file);
    origin = `file ${path}`;
    where = `${at}.token_file`;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if (ctx.strict) ctx.problems.push(`${where}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  let tokens = text?.split('\n').map((t) => t.trim()).filter((t) => t !== '');
  if (tokens !== undefined && tokens.length === 0) {
    ctx.problems.push(`${where}: holds no token`);
    tokens = undefined;
  } else if (tokens?.some((t) => t.length < 16)) {
    ctx.problems.push(`${where}: a token is shorter than 16 characters; use a long random value (e.g. openssl rand -hex 32)`);
    tokens = undefined;
  }
  return { tokens, origin };
}

/**
 * Whether an Authorization header carries one of the accepted tokens, raw or as "Bearer <token>". Every
 * comparison always runs, so the timing depends neither on the form sent nor on which token matched.
 */
export function presentsSharedToken(accepted: readonly string[], authorization: string | undefined): boolean {
  if (authorization === undefined) return false;
  const sent = digest(authorization.trim());
  const bearer = /^Bearer[ \t]+(.+)$/i.exec(authorization.trim());
  const sentBearer = digest(bearer ? bearer[1]!.trim() : '');
  let ok = false;
  for (const expected of accepted) {
    const want = digest(expected);
    const raw = timingSafeEqual(sent, want);
    const viaBearer = timingSafeEqual(sentBearer, want);
    ok = raw || viaBearer || ok;
  }
  return ok;
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
