// The client's HTTP, kept small because it sits on every job's start-up path. A direct request uses Node's
// own http/https (loaded for the scheme in use); a request that must go through HTTPS_PROXY/HTTP_PROXY loads
// undici's ProxyAgent only then. Loading undici on the common path costs ~900 KB and ~60 ms of start-up.
// Either way an answer is read up to MAX_ANSWER_BYTES, never more.
import { isIP, type Socket } from 'node:net';
import { proxyFor } from './proxy-env.js';
import { contextTrusting, MAX_ANSWER_BYTES, tooLarge, transportFailure, TransportError, type HttpClient, type HttpRequest, type HttpResponse, type TlsIdentity } from './transport.js';

export interface HttpClientOptions {
  /** Extra trusted CA certificates (PEM), added to Node's defaults. */
  ca?: string;
  /** Where proxy settings are read (HTTPS_PROXY, HTTP_PROXY, NO_PROXY and lower-case forms). */
  env?: NodeJS.ProcessEnv;
  /**
   * A client certificate for mutual TLS, presented to `origin` only (the broker's): never to the GitHub API,
   * a token service or any other host the client talks to.
   */
  clientCertificate?: TlsIdentity & { origin: string };
}

/** What TLS needs for one origin: the extra CA, and the client certificate when the origin is the one it is for. */
interface TlsFor {
  ca: string | undefined;
  identity: (origin: string) => TlsIdentity | undefined;
}

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const env = opts.env ?? process.env;
  const own = opts.clientCertificate;
  const tls: TlsFor = { ca: opts.ca, identity: (origin) => (own && own.origin === origin ? own : undefined) };
  let proxied: Promise<HttpClient> | undefined;
  const warmed = new Map<string, Promise<Socket | undefined>>();
  const client: HttpClient = async (req) => {
    const proxy = proxyFor(req.url, env);
    if (!proxy) return direct(req, tls, warmed);
    proxied ??= import('./proxy-client.js').then((m) => m.proxyHttpClient(proxy, opts.ca, own));
    return (await proxied)(req);
  };
  client.warm = (target) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return;
    }
    if ((url.protocol === 'https:' || url.protocol === 'http:') && !proxyFor(url.href, env) && !warmed.has(url.origin)) warmed.set(url.origin, preconnect(url, tls));
  };
  return client;
}

/** The early connection once it is ready; a timeout error (and the connection closed) if it is not in time. */
function readyWithin(early: Promise<Socket | undefined>, timeoutMs: number, origin: string): Promise<Socket | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void early.then((s) => s?.destroy());
      reject(new TransportError('timeout', `no answer from ${origin} within ${(timeoutMs / 1000).toFixed(1)} s`));
    }, timeoutMs);
    void early.then((s) => {
      clearTimeout(timer);
      resolve(s);
    });
  });
}

/** A connected (and for https, verified) socket to `url`'s origin, or undefined when that failed. */
async function preconnect(url: URL, tls: TlsFor): Promise<Socket | undefined> {
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (https ? 443 : 80));
  const secureContext = https ? await contextFor(url.origin, tls) : undefined;
  const socket = https
    ? (await import('node:tls')).connect({ host, port, servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'], ...(secureContext ? { secureContext } : {}) })
    : (await import('node:net')).connect({ host, port });
  // Nothing waits for it yet: it must not keep the step alive (readyWithin's timer does, once a request waits).
  socket.unref();
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), 10_000).unref();
    function done(ok: boolean): void {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      // A late error on a socket nobody uses yet is ignored; the request that takes it sees its own errors.
      socket.on('error', () => undefined);
      if (!ok) socket.destroy();
      resolve(ok ? socket : undefined);
    }
    socket.once(https ? 'secureConnect' : 'connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The TLS context for an origin, or undefined for Node's defaults (no extra CA, no client certificate). */
async function contextFor(origin: string, tls: TlsFor) {
  const identity = tls.identity(origin);
  return tls.ca !== undefined || identity ? contextTrusting(tls.ca, identity) : undefined;
}

async function direct(req: HttpRequest, tls: TlsFor, warmed: Map<string, Promise<Socket | undefined>>): Promise<HttpResponse> {
  const url = new URL(req.url);
  const https = url.protocol === 'https:';
  if (!https && url.protocol !== 'http:') throw new TransportError('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
  const mod = https ? await import('node:https') : await import('node:http');
  const secureContext = https ? await contextFor(url.origin, tls) : undefined;
  const presented = https && tls.identity(url.origin) !== undefined;
  // A connection opened ahead by warm() serves one request, if it is ready within this request's time.
  const early = warmed.get(url.origin);
  warmed.delete(url.origin);
  const socket = early ? await readyWithin(early, req.timeoutMs, url.origin) : undefined;
  const reuse = socket && !socket.destroyed && socket.readyState === 'open' ? socket : undefined;
  if (socket && !reuse) socket.destroy();
  reuse?.ref();
  const headers: Record<string, string> = { ...req.headers };
  if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
  return new Promise<HttpResponse>((resolve, reject) => {
    const r = mod.request(
      url,
      // An early connection is handed over with createConnection, which Node uses only when no agent is set.
      { method: req.method, headers, ...(secureContext ? { secureContext } : {}), ...(reuse ? { agent: undefined, createConnection: () => reuse } : { agent: false }) },
      (res) => {
        const chunks: Buffer[] = [];
        const limit = req.maxBodyBytes ?? MAX_ANSWER_BYTES;
        let size = 0;
        if (Number(res.headers['content-length']) > limit) return void fail(tooLarge(url.origin, limit));
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > limit) return void fail(tooLarge(url.origin, limit));
          chunks.push(c);
        });
        res.on('end', () => {
          clearTimeout(timer);
          // One request per early connection: close it rather than leave it to the server's keep-alive.
          reuse?.destroy();
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => fail(e));
      },
    );
    const timer = setTimeout(() => {
      r.destroy(new TransportError('timeout', `no answer from ${url.origin} within ${(req.timeoutMs / 1000).toFixed(1)} s`));
      reuse?.destroy();
    }, req.timeoutMs);
    function fail(e: Error): void {
      clearTimeout(timer);
      reuse?.destroy();
      r.destroy();
      reject(transportFailure(e, url.origin, presented));
    }
    r.on('error', fail);
    r.end(req.body);
  });
}
