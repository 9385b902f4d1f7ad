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
import { BODY_FAILURES, CACHE_CONTROL, failures } from './route-schemas.js';
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
  app.post('/v1/exchange', { schema: EXCHANGE_SCHEMA, config: { onFailure: () => undefined } }, async (req, reply) => {
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
        // non-secret ones); a granted exchange costs nothing more. An oversized token is never decoded, here as
        // in exchange.ts: not decoding it is the work its size limit saves.
        const claims = code === 'token_too_large' ? undefined : peekClaims(req.headers.authorization);
        refusals.add({ code: code!, status, verified: audit.issuer !== undefined, issuer: audit.issuer, policy: audit.policy }, claims);
      }
      log.info(
        { event: 'exchange', ...audit, outcome, code: code ?? null, status, duration_ms: Math.round(seconds * 1e5) / 100, remote: req.ip },
        'exchange',
      );
    }
  });
};

/** POST /v1/exchange as the OpenAPI document gives it (docs/broker-api.md says the same in prose). */
const EXCHANGE_SCHEMA = {
  operationId: 'exchange',
  summary: "Trade a CI job's OIDC identity token for secrets",
  description:
    'The first policy whose issuer and claims match the token decides; a body narrows its grant, never widens it. ' +
    'The body is parsed as JSON whatever its Content-Type and may be absent or empty (everything the policy grants). ' +
    'With `Accept: text/plain` preferred over JSON, the secrets come as `NAME BASE64VALUE` lines. See docs/broker-api.md.',
  tags: ['exchange'],
  // Mutual TLS only where the broker's listen.tls.client_ca asks for it (client_auth: exchange or all).
  security: [{ oidcToken: [] }, { oidcToken: [], clientCertificate: [] }] as Array<Record<string, string[]>>,
  'x-body-optional': true,
  body: {
    content: {
      'application/json': {
        schema: {
          type: 'object',
          additionalProperties: false,
          properties: {
            secrets: { type: 'array', minItems: 1, items: { type: 'string' }, description: 'Only these names (each must be granted by the matching policy).' },
            github: {
              type: 'object',
              description: 'Narrows `github_app` tokens below their policy grant, by secret name (docs/github-app.md).',
              additionalProperties: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  repositories: { type: 'array', minItems: 1, items: { type: 'string' } },
                  permissions: { type: 'object', additionalProperties: { enum: ['read', 'write', 'admin'] } },
                },
              },
            },
          },
        },
      },
    },
  },
  response: {
    200: {
      description: 'The secrets the matching policy grants (or the requested subset).',
      headers: {
        'Cache-Control': CACHE_CONTROL,
        'OIDC-Exchange-Revoke': { type: 'string', description: 'text/plain answers only, when minted tokens can be revoked: `NAME URL` entries joined by `, `.' },
      },
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['secrets', 'policy', 'expires_at'],
            additionalProperties: false,
            properties: {
              secrets: { type: 'object', additionalProperties: { type: 'string' }, description: 'Secret values by name.' },
              policy: { type: 'string', description: 'The policy that granted them.' },
              expires_at: { type: ['string', 'null'], format: 'date-time', description: 'The earliest expiry of the values; null when all are static.' },
              revoke: {
                type: 'array',
                description: 'Minted tokens the client revokes at the end of the job: `DELETE url` with the token as bearer.',
                items: {
                  type: 'object',
                  required: ['name', 'method', 'url'],
                  additionalProperties: false,
                  properties: { name: { type: 'string' }, method: { const: 'DELETE' }, url: { type: 'string', format: 'uri' } },
                },
              },
            },
          },
        },
        'text/plain': {
          schema: { type: 'string', pattern: '^([^ \\n]+ [A-Za-z0-9+/]*={0,2}\\n)*$', description: 'One `NAME BASE64VALUE` line per secret.' },
        },
      },
    },
    ...failures(
      'body_malformed',
      'unknown_secret',
      'token_missing',
      'token_malformed',
      'token_too_large',
      'token_expired',
      'token_not_yet_valid',
      'token_too_old',
      'claim_missing',
      'issuer_not_trusted',
      'audience_mismatch',
      'algorithm_not_allowed',
      'unknown_key',
      'signature_invalid',
      'token_replayed',
      'client_certificate_required',
      'no_policy_matched',
      'secret_not_granted',
      'github_scope_not_granted',
      'rate_limited',
      'github_app_unauthorized',
      'github_app_not_installed',
      'github_permission_refused',
      'github_rate_limited',
      'upstream_unavailable',
      'secret_unavailable',
      ...BODY_FAILURES,
    ),
  },
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
