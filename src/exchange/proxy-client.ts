// Requests through an HTTP proxy, with undici's ProxyAgent (CONNECT tunnels). Loaded only when a proxy
// applies, so jobs without one never load undici.
import { ProxyAgent, request } from 'undici';
import { TransportError, withDefaultCAs, type HttpClient } from './http.js';

export async function proxyHttpClient(proxy: string, ca: string | undefined): Promise<HttpClient> {
  const tls = ca ? { ca: await withDefaultCAs(ca) } : undefined;
  const agent = new ProxyAgent({ uri: proxy, ...(tls ? { requestTls: tls } : {}) });
  return async (req) => {
    const origin = new URL(req.url).origin;
    try {
      const res = await request(req.url, {
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        dispatcher: agent,
        signal: AbortSignal.timeout(req.timeoutMs),
      });
      const body = await res.body.text();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      return { status: res.statusCode, headers, body };
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new TransportError('timeout', `no answer from ${origin} (through proxy) within ${(req.timeoutMs / 1000).toFixed(1)} s`);
      }
      throw new TransportError(err.code ?? 'network_error', `${origin} through proxy ${redactProxy(proxy)}: ${err.message}`);
    }
  };
}

/** A proxy URL may carry credentials: never print them. */
export function redactProxy(proxy: string): string {
  try {
    const u = new URL(proxy);
    if (u.username || u.password) {
      u.username = '***';
      u.password = '';
    }
    return u.toString().replace(/\/$/, '');
  } catch {
    return '(unparsable proxy URL)';
  }
}
