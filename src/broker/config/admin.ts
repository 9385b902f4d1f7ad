// The `admin` section: the admin API (POST /-/reload) and its pre-shared tokens, one per line of the variable or
// file (two while rotating). Absent: the broker offers no admin API.
import type { SharedTokens } from '../shared-secret.js';
import { isObject, pathFrom, readNamedFile, type SectionContext } from './section.js';

export async function loadAdmin(raw: unknown, ctx: SectionContext): Promise<SharedTokens | undefined> {
  return isObject(raw) ? loadSharedTokens(raw, 'admin', ctx) : undefined;
}

/** `{ token_env }` or `{ token_file }`, exactly one; problems reported under `at`. */
async function loadSharedTokens(raw: { token_env?: unknown; token_file?: unknown }, at: string, ctx: SectionContext): Promise<SharedTokens | undefined> {
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
    origin = `file ${pathFrom(raw.token_file as string, ctx)}`;
    where = `${at}.token_file`;
    text = await readNamedFile(raw.token_file as string, where, ctx);
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
