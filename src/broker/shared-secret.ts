// Pre-shared tokens the broker accepts from its own operators' tools (GitLab's revocation client, the admin
// API): one per line of an environment variable or a file (two while rotating; config/admin.ts reads them),
// compared in constant time so neither a token's content nor its length leaks through timing.
import { createHash, timingSafeEqual } from 'node:crypto';

export interface SharedTokens {
  /** Undefined when they could not be read (only a configuration loaded without reading files has that). */
  tokens?: string[];
  /** Where they come from, for logs (never a token). */
  origin: string;
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
