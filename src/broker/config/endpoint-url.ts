// Where the broker may send requests it makes on its own (issuer discovery, JWKS, GitHub's API): https, or
// plain http on loopback for the local harness and tests. One rule for every configured endpoint.
import { isLoopbackHost } from '../../client/url.js';

/** The problem with a configured endpoint URL, or undefined when it is acceptable. */
export function checkEndpointUrl(value: string): string | undefined {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return `${JSON.stringify(value)} is not a URL`;
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && isLoopbackHost(u.hostname)) return undefined;
  return 'must use https (plain http is accepted only for loopback addresses, for local testing)';
}
