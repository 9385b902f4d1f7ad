// The client's HTTP, kept small because it sits on every job's start-up path. A direct request uses Node's
// own http/https (loaded for the scheme in use); a request that must go through HTTPS_PROXY/HTTP_PROXY loads
// undici's ProxyAgent only then. Loading undici on the common path costs ~900 KB and ~60 ms of start-up.
// Either way an answer is read up to MAX_ANSWER_BYTES, never more.
import { isIP, type Socket } from 'node:net';
import type { SecureContext } from 'node:tls';
import { isLoopbackHost } from './loopback.js';
import { proxyFor } from './proxy-env.js';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Abort the request after this many milliseconds (connect + answer). */
  timeoutMs: number;
  /** Largest answer body read, in bytes (default MAX_ANSWER_BYTES); a larger one fails with `answer_too_large`. */
  maxBodyBytes?: number;
}

/** What the client reads of an answer at most: a broker's answer is kilobytes; 16 MiB leaves room for big keys. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export interface HttpClient {
  (req: HttpRequest): Promise<HttpResponse>;
  /**
   * Opens the connection (TCP and TLS) to `url`'s origin now, for the next request there to use: the handshake
   * then overlaps whatever the caller waits for meanwhile (the job's OIDC token). Best effort: a connection
   * that fails or is not used changes nothing. Not done through a proxy.
   */
  warm?(url: string): void;
}

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

/** The error for an answer larger than the client reads (final: asking again brings the same answer). */
export function tooLarge(origin: string, limit: number): TransportError {
  return new TransportError(
    'answer_too_large',
    `${origin} answered with more than ${limit / 1024 / 1024} MiB; the client stops reading there. Is broker-url the broker, and does its policy hand out only what the job needs?`,
  );
}

/**
 * Why `url` must not carry a job's token or secrets, or undefined when it may: a URL that does not parse,
 * user info in it (`https://user:pass@host` reads as a host to many people: `http://127.0.0.1@evil/` is
 * evil), a scheme other than https, or http:// to anything but this machine. Only a literal loopback address
 * (127.0.0.0/8, ::1) or `localhost` counts as this machine: `http://127.attacker.example/` is a remote host.
 */
export function cleartextProblem(url: string, what = 'broker-url'): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${what}: expected an https:// URL, got ${JSON.stringify(url)}`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `${what}: expected an https:// URL, got the scheme ${u.protocol}`;
  if (u.username || u.password) return `${what}: remove the user name and password from the URL (${u.protocol}//...@${u.host}); the job's OIDC token is the only credential sent`;
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    return `${what}: http://${u.host} would send the job's OIDC token and the secrets in clear text over the network; use https:// (http:// is accepted only for this machine: localhost, 127.0.0.1, [::1])`;
  }
  return undefined;
}

export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const env = opts.env ?? process.env;
  let proxied: Promise<HttpClient> | undefined;
  const warmed = new Map<string, Promise<Socket | undefined>>();
  const client: HttpClient = async (req) => {
    const proxy = proxyFor(req.url, env);
    if (!proxy) return direct(req, opts.ca, warmed);
    proxied ??= import('./proxy-client.js').then((m) => m.proxyHttpClient(proxy, opts.ca));
    return (await proxied)(req);
  };
  client.warm = (target) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return;
    }
    if ((url.protocol === 'https:' || url.protocol === 'http:') && !proxyFor(url.href, env) && !warmed.has(url.origin)) warmed.set(url.origin, preconnect(url, opts.ca));
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
async function preconnect(url: URL, ca: string | undefined): Promise<Socket | undefined> {
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || (https ? 443 : 80));
  const secureContext = https && ca ? await contextTrusting(ca) : undefined;
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

async function direct(req: HttpRequest, ca: string | undefined, warmed: Map<string, Promise<Socket | undefined>>): Promise<HttpResponse> {
  const url = new URL(req.url);
  const https = url.protocol === 'https:';
  if (!https && url.protocol !== 'http:') throw new TransportError('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
  const mod = https ? await import('node:https') : await import('node:http');
  const secureContext = https && ca ? await contextTrusting(ca) : undefined;
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
      reject(e instanceof TransportError ? e : new TransportError((e as NodeJS.ErrnoException).code ?? 'network_error', `${url.origin}: ${e.message}`));
    }
    r.on('error', fail);
    r.end(req.body);
  });
}

let trusting: { ca: string; context: Promise<SecureContext> } | undefined;

/**
 * A TLS context that trusts Node's bundled roots and `ca` too (a proxy or mirror may use either). The CA is
 * added to the default store rather than passed as `ca` with every root, which would parse all ~140 bundled
 * root certificates on each start (several ms). Made once per process.
 */
async function contextTrusting(ca: string): Promise<SecureContext> {
  if (trusting?.ca !== ca) {
    trusting = {
      ca,
      context: import('node:tls').then((tls) => {
        const context = tls.createSecureContext();
        const native = (context as unknown as { context?: { addCACert?: (pem: string) => void } }).context;
        // Node's own way of loading `ca`; should a future Node drop it, fall back to the documented option.
        if (typeof native?.addCACert !== 'function') return tls.createSecureContext({ ca: [...tls.rootCertificates, ca] });
        native.addCACert(ca);
        return context;
      }),
    };
  }
  return trusting.context;
}

/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
export async function withDefaultCAs(ca: string): Promise<string[]> {
  const { rootCertificates } = await import('node:tls');
  return [...rootCertificates, ca];
}
