// Requests through an HTTP proxy, with undici's ProxyAgent (CONNECT tunnels). Loaded only when a proxy
// applies, so jobs without one never load undici. A client certificate is presented inside the tunnel, to
// its own origin only: requests elsewhere go through a second agent that has none.
import { ProxyAgent, request } from 'undici';
import { MAX_ANSWER_BYTES, tooLarge, transportFailure, TransportError, withDefaultCAs, type HttpClient, type TlsIdentity } from './transport.js';

export async function proxyHttpClient(proxy: string, ca: string | undefined, own?: TlsIdentity & { origin: string }): Promise<HttpClient> {
  const tls = ca ? { ca: await withDefaultCAs(ca) } : undefined;
  const agent = new ProxyAgent({ uri: proxy, ...(tls ? { requestTls: tls } : {}) });
  const identity = own ? { cert: own.cert, key: own.key, ...(own.passphrase ? { passphrase: own.passphrase } : {}) } : undefined;
  const presenting = identity ? new ProxyAgent({ uri: proxy, requestTls: { ...tls, ...identity } }) : undefined;
  return async (req) => {
    const origin = new URL(req.url).origin;
    const presented = presenting !== undefined && own?.origin === origin;
    try {
      const res = await request(req.url, {
        method: req.method as 'GET',
        headers: req.headers,
        body: req.body,
        dispatcher: presented ? presenting : agent,
        signal: AbortSignal.timeout(req.timeoutMs),
      });
      const limit = req.maxBodyBytes ?? MAX_ANSWER_BYTES;
      if (Number(res.headers['content-length']) > limit) {
        res.body.destroy();
        throw tooLarge(origin, limit);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of res.body) {
        size += (c as Buffer).length;
        if (size > limit) {
          res.body.destroy();
          throw tooLarge(origin, limit);
        }
        chunks.push(c as Buffer);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      return { status: res.statusCode, headers, body };
    } catch (e) {
      if (e instanceof TransportError) throw e;
      const err = e as Error & { code?: string };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new TransportError('timeout', `no answer from ${origin} (through proxy) within ${(req.timeoutMs / 1000).toFixed(1)} s`);
      }
      throw transportFailure(err, origin, presented, ` through proxy ${redactProxy(proxy)}`);
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

/**
 * A fetch for clients that take one (Octokit in the post step): undici's, through the proxy the environment
 * names for the URL (the same rule as every other request of the client) and trusting the extra CA.
 */
export async function clientFetch(env: NodeJS.ProcessEnv, ca: string | undefined): Promise<typeof fetch> {
  const undici = await import('undici');
  const { proxyFor } = await import('./proxy-env.js');
  const roots = ca ? await withDefaultCAs(ca) : undefined;
  const direct = new undici.Agent(roots ? { connect: { ca: roots } } : {});
  const viaProxy = new Map<string, InstanceType<typeof undici.ProxyAgent>>();
  return ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const proxy = proxyFor(url, env);
    let dispatcher: InstanceType<typeof undici.Agent> | InstanceType<typeof undici.ProxyAgent> = direct;
    if (proxy) {
      if (!viaProxy.has(proxy)) viaProxy.set(proxy, new undici.ProxyAgent({ uri: proxy, ...(roots ? { requestTls: { ca: roots } } : {}) }));
      dispatcher = viaProxy.get(proxy)!;
    }
    return undici.fetch(input as Parameters<typeof undici.fetch>[0], { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher });
  }) as unknown as typeof fetch;
}
