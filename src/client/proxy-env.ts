// Which proxy a request should use, from the conventional environment variables: HTTPS_PROXY for https://
// targets, HTTP_PROXY for http:// ones (lower-case forms win, as curl does), and NO_PROXY exceptions:
// `*`, host names (a leading dot or not, both match sub-domains), `host:port`, and IP addresses. Plain http
// to a loopback address is always direct.

import { isLoopbackHost } from './url.js';

export function proxyFor(target: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = new URL(target);
  // A plain http:// request to this machine would show the proxy the job's OIDC token and let it answer with
  // secret values of its own choosing: it never goes through one, whatever the environment says.
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  const proxy = url.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
  if (!proxy || proxy.trim() === '') return undefined;
  if (bypasses(url, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  return proxy.includes('://') ? proxy.trim() : `http://${proxy.trim()}`;
}

function bypasses(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!m) continue;
    const entryHost = m[1]!.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (m[2] && m[2] !== port) continue;
    if (host === entryHost || host.endsWith(`.${entryHost}`)) return true;
  }
  return false;
}
