// The `listen` section: where the broker listens, its request limits and timeouts (defaults filled in here),
// and its TLS (tls.ts). Plain HTTP is refused off loopback unless the operator says a proxy terminates TLS.
import { isLoopbackHost } from '../../client/url.js';
import type { ListenSettings } from '../http/server.js';
import { isObject, type SectionContext } from './section.js';
import { loadTls } from './tls.js';

export async function loadListen(raw: unknown, ctx: SectionContext): Promise<ListenSettings> {
  const l = isObject(raw) ? raw : {};
  const tls = await loadTls(l.tls, ctx);
  const host = typeof l.host === 'string' ? l.host : '127.0.0.1';
  const plainHttp = l.plain_http === true;
  const listenProblem = plainListenProblem(host, tls !== undefined, plainHttp);
  if (listenProblem) ctx.problems.push(`listen: ${listenProblem}`);
  return {
    host,
    port: (l.port as number | undefined) ?? 8080,
    bodyLimitBytes: (l.body_limit_bytes as number | undefined) ?? 16384,
    headerLimitBytes: (l.header_limit_bytes as number | undefined) ?? 32768,
    maxTokenBytes: (l.max_token_bytes as number | undefined) ?? 16384,
    requestTimeoutSeconds: (l.request_timeout_seconds as number | undefined) ?? 10,
    shutdownGraceSeconds: (l.shutdown_grace_seconds as number | undefined) ?? 10,
    tls,
    plainHttp,
  };
}

/**
 * Every client sends a bearer token (or GitLab's revocation token) to the broker: plain HTTP is served on a
 * loopback address, or where the operator says a TLS-terminating proxy is in front (`plain_http: true`).
 */
export function plainListenProblem(host: string, tls: boolean, plainHttp: boolean): string | undefined {
  if (tls || plainHttp || isLoopbackHost(host)) return undefined;
  return `plain HTTP on ${host} would carry tokens unencrypted; configure listen.tls (cert and key), or set listen.plain_http: true when a TLS-terminating proxy is in front of the broker`;
}

/**
 * Why plain HTTP on `host` is worth a second look even when the operator says a proxy terminates TLS: the broker
 * answers every address that reaches that interface, so the proxy protects tokens only if it is the only way
 * in. Undefined on loopback or with TLS. The linter reports it; the broker logs it when --host moves it off
 * loopback.
 */
export function plainHttpExposure(host: string, tls: boolean, plainHttp: boolean): string | undefined {
  if (!plainHttp || tls || isLoopbackHost(host)) return undefined;
  return (
    `plain_http: true on ${host}: the broker answers plain HTTP to anything that reaches ${host}, so bearer tokens and secret values cross ` +
    'that network unencrypted unless the TLS-terminating proxy is the only way in; publish the port only to the proxy ' +
    '(docker run -p 127.0.0.1:8080:8080 with the proxy on the host, a private network, a NetworkPolicy), or configure listen.tls'
  );
}
