// The operator's endpoints: liveness (/healthz), readiness (/readyz: usable issuer keys and a reachable store),
// Prometheus metrics (/metrics), and the reload (POST /-/reload) behind the admin section's pre-shared token,
// slowed for a source that guesses it (guessing.ts).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { BrokerError } from '../errors.js';
import type { BrokerMetrics } from '../metrics.js';
import { presentsSharedToken } from '../shared-secret.js';
import type { Store } from '../store/store.js';
import type { Generations } from './generations.js';
import type { GuessingGuard } from './guessing.js';
import type { ReloadOutcome, Serving } from './reload.js';
import { BODY_FAILURES, CACHE_CONTROL, failures, jsonAnswer, PROTOCOL_FAILURES } from './route-schemas.js';

export interface OpsRouteDeps {
  generations: Generations<Serving>;
  store: Store;
  metrics: BrokerMetrics;
  reload(trigger: string): Promise<ReloadOutcome>;
  /** Whether the broker is shutting down (readiness answers 503 so the load balancer stops sending). */
  shuttingDown(): boolean;
  /** Locks a source out after repeated wrong tokens, shared with the revocation API. */
  guard: GuessingGuard;
}

export const opsRoutes: FastifyPluginAsync<OpsRouteDeps> = async (app, { generations, store, metrics, reload, shuttingDown, guard }) => {
  // The operator's reload, behind the admin section's pre-shared token (404 without one).
  app.post('/-/reload', { schema: RELOAD_SCHEMA }, async (req, reply) => {
    admitAdmin(generations, guard, req);
    const outcome = await reload('admin_api');
    if (!outcome.ok) {
      throw new BrokerError('config_invalid', `the configuration was not reloaded (the previous one keeps serving): ${(outcome.problems ?? []).join('; ')}`);
    }
    return reply
      .code(200)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(JSON.stringify({ status: 'reloaded', needs_restart: outcome.needsRestart ?? [] }));
  });

  app.get('/healthz', { schema: HEALTH_SCHEMA }, async (_req, reply) => reply.send({ status: 'ok' }));

  app.get('/readyz', { schema: READY_SCHEMA }, async (_req, reply) => {
    const issuers = [...generations.current.verifier.keys.values()].map((k) => k.status());
    // An instance that cannot reach the shared store is taken out of rotation: its peers may still reach it
    // (a partition), and it would refuse every single-use exchange. /healthz stays 200: it recovers by itself.
    const storeOk = await store.ping();
    const closing = shuttingDown();
    const ready = !closing && storeOk && issuers.some((i) => i.usable);
    const status = closing ? 'shutting_down' : !storeOk ? 'store_unavailable' : ready ? 'ready' : 'no_usable_keys';
    return reply.code(ready ? 200 : 503).send({ status, issuers, store: { kind: store.kind, ok: storeOk } });
  });

  app.get('/metrics', { schema: METRICS_SCHEMA }, async (_req, reply) => {
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
};

/**
 * Throws unless the admin API is on (404 without an `admin:` section) and the caller presents its token (401,
 * counted by the guessing guard). Every admin endpoint admits through here: the reload, the status page
 * (status-routes.ts).
 */
export function admitAdmin(generations: Generations<Serving>, guard: GuessingGuard, req: FastifyRequest): void {
  const admin = generations.current.config.admin;
  if (!admin) throw new BrokerError('not_found', 'the admin API is not enabled on this broker; its operator enables it with an "admin:" section');
  guard.admit(req.ip, 'admin');
  if (admin.tokens && presentsSharedToken(admin.tokens, req.headers.authorization)) return;
  // Tokens the broker could not read are its own fault, not the caller's guess. The per-source lock replaces a
  // shared count of wrong tokens, which only changed their error code.
  if (admin.tokens) guard.wrongToken(req.ip);
  throw new BrokerError('unauthorized', 'send the admin token as "Authorization: Bearer <token>"');
}

// The routes as the OpenAPI document gives them (docs/broker-api.md#operations says the same in prose).
const RELOAD_SCHEMA = {
  operationId: 'reload',
  summary: 'Reload the configuration file (as SIGHUP does)',
  description: 'Behind the admin section\'s pre-shared token; 404 on a broker without an `admin:` section. A file that does not load changes nothing.',
  tags: ['operations'],
  security: [{ adminToken: [] }],
  response: {
    200: jsonAnswer(
      'Reloaded: served from the next request on.',
      {
        type: 'object',
        required: ['status', 'needs_restart'],
        additionalProperties: false,
        properties: {
          status: { const: 'reloaded' },
          needs_restart: { type: 'array', items: { type: 'string' }, description: 'Changed settings that take effect only after a restart.' },
        },
      },
      { 'Cache-Control': CACHE_CONTROL },
    ),
    ...failures('config_invalid', 'unauthorized', 'not_found', 'rate_limited', ...BODY_FAILURES),
  },
};

const HEALTH_SCHEMA = {
  operationId: 'health',
  summary: 'Liveness: the process serves',
  tags: ['operations'],
  response: {
    200: jsonAnswer('The process serves.', { type: 'object', required: ['status'], additionalProperties: false, properties: { status: { const: 'ok' } } }),
    ...failures(...PROTOCOL_FAILURES),
  },
};

const READINESS_BODY = {
  type: 'object',
  required: ['status', 'issuers', 'store'],
  additionalProperties: false,
  properties: {
    status: { enum: ['ready', 'no_usable_keys', 'store_unavailable', 'shutting_down'] },
    issuers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'usable', 'keys', 'fetchedAgeSeconds'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          usable: { type: 'boolean' },
          keys: { type: 'integer', minimum: 0 },
          fetchedAgeSeconds: { type: ['integer', 'null'], description: 'Seconds since the keys were fetched; null before the first fetch.' },
          lastError: { type: 'string', description: 'Why the last fetch failed.' },
        },
      },
    },
    store: { type: 'object', required: ['kind', 'ok'], additionalProperties: false, properties: { kind: { enum: ['memory', 'redis'] }, ok: { type: 'boolean' } } },
  },
};

const READY_SCHEMA = {
  operationId: 'readiness',
  summary: 'Readiness: usable issuer keys, a reachable store, not shutting down',
  tags: ['operations'],
  response: {
    200: jsonAnswer('Ready: at least one issuer has usable keys and the store answers.', READINESS_BODY),
    503: jsonAnswer('Not ready (take the instance out of rotation): `status` says why.', READINESS_BODY),
    ...failures(...PROTOCOL_FAILURES),
  },
};

const METRICS_SCHEMA = {
  operationId: 'metrics',
  summary: 'Prometheus metrics',
  tags: ['operations'],
  response: {
    200: { description: 'The Prometheus text exposition format (docs/broker-api.md#operations lists the metrics).', content: { 'text/plain': { schema: { type: 'string' } } } },
    ...failures(...PROTOCOL_FAILURES),
  },
};
