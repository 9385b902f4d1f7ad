// GitLab's Token Revocation API over HTTP: GET /v1/revocable_token_types and POST /v1/revoke_tokens behind the
// pre-shared token (../revocation.ts holds what they do). 404 when the broker has no `revocation:` section, 401
// (or 429 when guessing) for a wrong or missing token, decided from the headers before any body is read, and one
// audit line per batch, refused ones too.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Counter } from 'prom-client';
import type { BrokerConfig } from '../config/load.js';
import { BrokerError } from '../errors.js';
import { authorizedRevoker, DEFAULT_REVOCATION_BODY_LIMIT, MAX_CONCURRENT_BATCHES, revocableTypes, Revoker, type RevocationDeps } from '../revocation.js';
import type { Failure } from './errors.js';
import type { GuessingGuard } from './guessing.js';
import { BODY_FAILURES, CACHE_CONTROL, failures, jsonAnswer, PROTOCOL_FAILURES } from './route-schemas.js';

export interface RevocationRouteDeps extends RevocationDeps {
  /** The batch size limit, fixed when the server starts (a change needs a restart): see `revocationBodyLimit`. */
  bodyLimit: number;
  /** Locks a source out after repeated wrong tokens, shared with the admin API. */
  guard: GuessingGuard;
}

/**
 * A batch holds every finding of a pipeline, each with its whole vulnerability record: far more than an
 * exchange body.
 */
export function revocationBodyLimit(config: BrokerConfig): number {
  return Math.max(config.listen.bodyLimitBytes, config.revocation?.bodyLimitBytes ?? DEFAULT_REVOCATION_BODY_LIMIT);
}

export const revocationRoutes: FastifyPluginAsync<RevocationRouteDeps> = async (app, deps) => {
  const requests = deps.metrics
    ? new Counter({
        name: 'oidc_exchange_revocation_requests_total',
        help: 'Token Revocation API requests by endpoint and answer status.',
        labelNames: ['endpoint', 'status'],
        registers: [deps.metrics.registry],
      })
    : undefined;

  const revoker = new Revoker(deps);

  /**
   * 404 when not configured, 401 (or 429 when guessing) for a wrong or missing pre-shared token, 429 for any
   * request from a source locked for guessing.
   */
  async function authenticate(authorization: string | undefined, remote: string): Promise<void> {
    const settings = deps.config().revocation;
    if (!settings) {
      throw new BrokerError('not_found', 'the Token Revocation API is not enabled on this broker; its operator enables it with a "revocation:" section in the configuration');
    }
    if (settings.tokens === undefined) {
      throw new BrokerError('secret_unavailable', "the revocation API's pre-shared token is not available on the broker; its operator has been told", {
        detail: `revocation token (${settings.tokenOrigin}) could not be read`,
      });
    }
    deps.guard.admit(remote, 'revocation');
    const { requests: limit, perSeconds } = settings.rateLimit;
    if (!authorizedRevoker(settings.tokens, authorization)) {
      deps.guard.wrongToken(remote);
      // Failed attempts are limited on their own counter, so guessing cannot use up GitLab's allowance.
      const r = await deps.store.hit('revocation:unauthorized', perSeconds);
      if (r.count > limit) throw new BrokerError('rate_limited', 'too many unauthorized revocation requests; wait and retry', { retryAfter: r.resetSeconds });
      throw new BrokerError(
        'unauthorized',
        authorization === undefined
          ? 'send the pre-shared revocation token as the Authorization header value (as GitLab does: the raw token, no "Bearer")'
          : 'the Authorization header does not carry the pre-shared revocation token',
      );
    }
  }

  /** The configured rate, counted over every broker sharing the store. Only revoke_tokens counts. */
  async function rateLimit(): Promise<void> {
    const { requests: limit, perSeconds } = deps.config().revocation!.rateLimit;
    const r = await deps.store.hit('revocation', perSeconds);
    if (r.count > limit) {
      throw new BrokerError('rate_limited', `more than ${limit} revocation requests in ${perSeconds} s; retry after the time in Retry-After`, { retryAfter: r.resetSeconds });
    }
  }

  // Everything about who may send a batch is in the headers, so it is decided before fastify reads a byte of
  // the body: an unconfigured API answers 404 and a wrong token 401 without reading, and the large body limit
  // below only ever applies to a request that carried the pre-shared token. Even those are read a few at a
  // time, so a leaked token cannot make the broker hold gigabytes either.
  let largeBodies = 0;
  async function admit(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    // A refused request's body is not wanted: close the connection after the answer instead of draining it.
    reply.header('connection', 'close');
    await authenticate(req.headers.authorization, req.ip);
    if (req.method === 'POST') {
      await rateLimit();
      if (largeBodies >= MAX_CONCURRENT_BATCHES) {
        throw new BrokerError('rate_limited', `${MAX_CONCURRENT_BATCHES} revocation batches are being read already; retry after the time in Retry-After`, { retryAfter: 1 });
      }
      largeBodies++;
      reply.raw.once('close', () => largeBodies--);
    }
    reply.removeHeader('connection');
  }

  /** A failure on a revocation path, logged and counted by endpoint (null: a method the path does not take). */
  const failed =
    (endpoint: 'revocable_token_types' | 'revoke_tokens' | null, url: string) =>
    ({ error, early }: Failure, req: FastifyRequest): void => {
      if (early) {
        // GitLab retries a batch over the limit 17 times and revokes nothing: the operator has to raise it.
        if (error.code === 'body_too_large' && url === '/v1/revoke_tokens') {
          deps.log.error(
            { event: 'revocation', outcome: 'refused', code: error.code, status: error.status, content_length: req.headers['content-length'] ?? null, remote: req.ip },
            'a revocation batch is larger than revocation.body_limit_bytes: raise it (GitLab sends every finding of a pipeline at once)',
          );
        }
        return;
      }
      if (endpoint === 'revoke_tokens') deps.log.info({ event: 'revocation', outcome: 'refused', code: error.code, status: error.status, remote: req.ip }, 'revocation');
      if (error.status >= 500) deps.log.error({ event: 'revocation_failure', code: error.code, detail: error.detail }, 'revocation request failed');
      if (endpoint) requests?.inc({ endpoint, status: error.status });
    };

  app.get('/v1/revocable_token_types', { schema: TYPES_SCHEMA, onRequest: admit, config: { onFailure: failed('revocable_token_types', '/v1/revocable_token_types') } }, async (_req, reply) => {
    requests?.inc({ endpoint: 'revocable_token_types', status: 200 });
    return reply.code(200).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify({ types: revocableTypes(deps.config()) }));
  });

  app.post('/v1/revoke_tokens', { schema: REVOKE_SCHEMA, bodyLimit: deps.bodyLimit, onRequest: admit, config: { onFailure: failed('revoke_tokens', '/v1/revoke_tokens') } }, async (req, reply) => {
    const started = process.hrtime.bigint();
    const outcome = await revoker.revokeBatch(typeof req.body === 'string' ? req.body : '');
    deps.log.info(
      {
        event: 'revocation',
        outcome: 'accepted',
        revoked: outcome.revoked,
        already_revoked: outcome.already,
        never_issued: outcome.unknown.length,
        duration_ms: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
        remote: req.ip,
      },
      'revocation',
    );
    requests?.inc({ endpoint: 'revoke_tokens', status: 204 });
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  // The seed lists 405 among every endpoint's answers: say so for the methods these paths do not take.
  for (const [url, allowed] of [
    ['/v1/revocable_token_types', 'GET'],
    ['/v1/revoke_tokens', 'POST'],
  ] as const) {
    const others = ['POST', 'PUT', 'PATCH', 'DELETE', 'GET'].filter((m) => m !== allowed) as Array<'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'GET'>;
    app.route({
      method: others,
      url,
      // Not an operation of the API: the document lists the methods a path takes.
      schema: { hide: true },
      config: { allow: allowed, onFailure: failed(null, url) },
      handler: async (req) => {
        throw new BrokerError('method_not_allowed', `${req.method} is not allowed on ${url}; use ${allowed}`);
      },
    });
  }
};

// The routes as the OpenAPI document gives them: GitLab's Token Revocation API for self-managed instances
// (docs/revocation.md). GitLab retries a batch on any non-2xx answer and ignores Retry-After.
const TYPES_SCHEMA = {
  operationId: 'revocableTokenTypes',
  summary: 'The token types this broker can revoke',
  tags: ['revocation'],
  security: [{ revocationToken: [] }],
  response: {
    200: jsonAnswer(
      'The gitleaks rule ids of the tokens this broker mints and can revoke.',
      { type: 'object', required: ['types'], additionalProperties: false, properties: { types: { type: 'array', items: { type: 'string' } } } },
      { 'Cache-Control': CACHE_CONTROL },
    ),
    ...failures('unauthorized', 'not_found', 'rate_limited', 'secret_unavailable', ...PROTOCOL_FAILURES),
  },
};

const REVOKE_SCHEMA = {
  operationId: 'revokeTokens',
  summary: 'Revoke leaked tokens (a batch from GitLab Secret Detection)',
  description: '204 when every token is accepted: revoked, already revoked, or never issued here. Idempotent across GitLab\'s retries.',
  tags: ['revocation'],
  security: [{ revocationToken: [] }],
  body: {
    content: {
      'application/json': {
        schema: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'token'],
            properties: { type: { type: 'string', minLength: 1 }, token: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
  },
  response: {
    204: { type: 'null', description: 'Every token in the batch is accepted.', headers: { 'Cache-Control': CACHE_CONTROL } },
    ...failures('body_malformed', 'unsupported_token_type', 'unauthorized', 'not_found', 'rate_limited', 'secret_unavailable', 'upstream_unavailable', ...BODY_FAILURES),
  },
};
