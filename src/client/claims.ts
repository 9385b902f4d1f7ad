// The claims of a job's own OIDC token that help a user see why a policy did not match. The payload is
// decoded without verification (only the broker's verdict counts) and only claims that identify the job,
// never the signature or the token itself, are shown. Claim values can carry text a user chose (a branch
// name, an environment), so anything but plain printable text is shown as quoted peer text.
import { JOB_IDENTITY_CLAIMS } from '../platform/claims.js';
import { peerText } from './errors.js';

/** The job's identity, and when the token expires. */
export const DIAGNOSTIC_CLAIMS = [...JOB_IDENTITY_CLAIMS, 'exp'] as const;

export function decodeClaims(jwt: string): Record<string, unknown> | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `name: value` lines for the diagnostic claims present in the token. */
export function describeClaims(claims: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const name of DIAGNOSTIC_CLAIMS) {
    const v = claims[name];
    if (v === undefined) continue;
    const text = name === 'exp' && typeof v === 'number' ? new Date(v * 1000).toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
    lines.push(`${name}: ${plain(text) ? text : peerText(text)}`);
  }
  return lines;
}

/** Printable ASCII with no runner command marker: safe to show as it is after a `name: ` prefix. */
function plain(text: string): boolean {
  return /^[\x20-\x7e]{0,300}$/.test(text) && !text.includes('##[');
}
