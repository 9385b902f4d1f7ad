// The client's HTTP, kept small because it sits on every job's start-up path. A direct request uses Node's
// own http/https (loaded for the scheme in use); a request that must go through HTTPS_PROXY/HTTP_PROXY loads
// undici's ProxyAgent only then. Bundling undici on the common path costs ~900 KB and ~60 ms of start-up.
import { proxyFor } from './proxy-env.js';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request after this many milliseconds (connect + answer). */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export type HttpClient = (req: HttpRequest) => Promise<HttpResponse>;

export interface HttpClientOptions {
  /** Extra trusted CA certificates (PEM), added to Node's defaults. */
  ca?: string;
  /** Where proxy settings are read (HTTPS_PROXY, HTTP_PROXY, NO_PROXY and lower-case forms). */
  env?: NodeJS.ProcessEnv;
}

/** A request that did not get an HTTP answer (refused, reset, DNS, TLS, timeout). */
export class TransportError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
}

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const env = opts.env ?? process.env;
  let proxied: Promise<HttpClient> | undefined;
  return async (req) => {
    const proxy = proxyFor(req.url, env);
    if (!proxy) return direct(req, opts.ca);
    proxied ??= import('./proxy-client.js').then((m) => m.proxyHttpClient(proxy, opts.ca));
    return (await proxied)(req);
  };
}

async function direct(req: HttpRequest, ca: string | undefined): Promise<HttpResponse> {
  const url = new URL(req.url);
  const https = url.protocol === 'https:';
  if (!https && url.protocol !== 'http:') throw new TransportError('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
  const mod = https ? await import('node:https') : await import('node:http');
  const tlsCa = https && ca ? await withDefaultCAs(ca) : undefined;
  const headers: Record<string, string> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
  return new Promise<HttpResponse>((resolve, reject) => {
    const r = mod.request(
      url,
      { method: req.method, headers, ...(tlsCa ? { ca: tlsCa } : {}), agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => fail(e));
      },
    );
    const timer = setTimeout(() => {
      r.destroy(new TransportError('timeout', `no answer from ${url.origin} within ${(req.timeoutMs / 1000).toFixed(1)} s`));
    }, req.timeoutMs);
    function fail(e: Error): void {
      clearTimeout(timer);
      reject(e instanceof TransportError ? e : new TransportError((e as NodeJS.ErrnoException).code ?? 'network_error', `${url.origin}: ${e.message}`));
    }
    r.on('error', fail);
    r.end(req.body);
  });
}

/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
export async function withDefaultCAs(ca: string): Promise<string[]> {
  const { rootCertificates } = await import('node:tls');
  return [...rootCertificates, ca];
}
