// POST /v1/exchange: the exchange (../exchange.ts) over HTTP, under the generation the request started with,
// and one audit line per exchange, on failure too. Names only: never a value, never the token.
import type { TLSSocket } from 'node:tls';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import type { ErrorCode } from '../errors.js';
import { exchange, type AuditRecord, type ExchangeResult } from '../exchange.js';
import type { BrokerMetrics } from '../metrics.js';
import type { RefusalLog } from '../status/refusals.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../verify/issuer-keys.js';
import { TokenVerifier } from '../verify/token.js';
import { toBrokerError } from './errors.js';
import type { Generations } from './generations.js';
import type { Serving } from './reload.js';
import { checkClientCertificate } from './tls.js';

export interface ExchangeRouteDeps {
  generations: Generations<Serving>;
  store: Store;
  metrics: BrokerMetrics;
  log: Logger;
  now?: Clock;
  /** The status page's last refusals (absent: not kept). */
  refusals?: RefusalLog;
}

export const exchangeRoute: FastifyPluginAsync<ExchangeRouteDeps> = async (app, { generations, store, metrics, log, now, refusals }) => {
  // The handler writes its failure line itself, before the audit line; the error handler has nothing to add.
  app.post('/v1/exchange', { config: { onFailure: () => undefined } }, async (req, reply) => {
    const started = process.hrtime.bigint();
    const audit: AuditRecord & { client_cert?: string } = {};
    let outcome: 'granted' | 'denied' | 'error' = 'error';
    let code: ErrorCode | undefined;
    let status = 200;
    const gen = generations.enter();
    try {
      const { config, verifier } = gen.value;
      checkClientCertificate(config.listen.tls, req.raw.socket as TLSSocket, audit);
      const result = await exchange(
        {
          config,
          verifier,
          store,
          now,
          onRateLimitSkipped: () => metrics.rateLimitSkipped.inc(),
          onTokenReleased(released, e) {
            metrics.tokenReleases.inc({ outcome: released ? 'released' : 'failed' });
            if (!released) log.error({ event: 'token_release_failed', detail: (e as Error)?.message }, 'a failed exchange could not give its token back: the token stays spent');
          },
        },
        { authorization: req.headers.authorization, body: typeof req.body === 'string' ? req.body : '' },
        audit,
      );
      outcome = 'granted';
      return sendSecrets(reply, result, req.headers.accept);
    } catch (e) {
      const err = toBrokerError(e);
      code = err.code;
      status = err.status;
      outcome = status >= 500 ? 'error' : 'denied';
      if (status >= 500) log.error({ event: 'exchange_failure', code: err.code, detail: err.detail ?? String(e) }, 'exchange failed');
      throw err;
    } finally {
      generations.leave(gen);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.exchanges.inc({ outcome, code: code ?? 'none', issuer: audit.issuer ?? 'unknown' });
      metrics.exchangeSeconds.observe({ outcome }, seconds);
      if (outcome === 'denied' && refusals) {
        // The claims are read again from the token only for a refusal (the allow list in refusals.ts keeps the
        // non-secret ones); a granted exchange costs nothing more.
        refusals.add({ code: code!, status, verified: audit.issuer !== undefined, issuer: audit.issuer, policy: audit.policy }, peekClaims(req.headers.authorization));
      }
      log.info(
        { event: 'exchange', ...audit, outcome, code: code ?? null, status, duration_ms: Math.round(seconds * 1e5) / 100, remote: req.ip },
        'exchange',
      );
    }
  });
};

/** The secrets as JSON, or as `NAME base64` lines for a client that prefers text/plain (a shell). */
function sendSecrets(reply: FastifyReply, result: ExchangeResult, accept: string | undefined): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (wantsText(accept)) {
    const lines = Object.entries(result.secrets).map(([n, v]) => `${n} ${Buffer.from(v, 'utf8').toString('base64')}\n`);
    if (result.revoke) reply.header('OIDC-Exchange-Revoke', result.revoke.map((r) => `${r.name} ${r.url}`).join(', '));
    return reply.type('text/plain; charset=utf-8').send(lines.join(''));
  }
  return reply.type('application/json; charset=utf-8').send(
    JSON.stringify({ secrets: result.secrets, policy: result.policy, expires_at: result.expiresAt?.toISOString() ?? null, ...(result.revoke ? { revoke: result.revoke } : {}) }),
  );
}

/** text/plain only when the client prefers it over JSON (shells send `Accept: text/plain`). */
export function wantsText(accept: string | undefined): boolean {
  if (!accept) return false;
  let best: 'json' | 'text' | undefined;
  let bestQ = -1;
  for (const part of accept.split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const kind = type === 'text/plain' ? 'text' : type === 'application/json' || type === '*/*' || type === 'application/*' ? 'json' : undefined;
    if (kind && q > bestQ) {
      best = kind;
      bestQ = q;
    }
  }
  return best === 'text';
}

/** The bearer token's payload, decoded and not verified (undefined when there is none to decode). */
function peekClaims(authorization: string | undefined): Record<string, unknown> | undefined {
  const m = authorization === undefined ? null : /^Bearer[ \t]+(\S+)/i.exec(authorization);
  return m ? TokenVerifier.peek(m[1]!) : undefined;
}
