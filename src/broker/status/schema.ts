// The status routes as the OpenAPI document gives them (fastify route schemas, read by @fastify/swagger). Like
// every route's schema they describe and do not validate or serialise (../http/server.ts says why): the model
// (model.ts) builds exactly these fields, and the conformance test (test/broker/openapi.test.ts) holds each
// answer to them. The playground's body is read as text and parsed by the route (its errors are the API's own
// 400); its schema documents what the route accepts.
import { BODY_FAILURES, CACHE_CONTROL, failures, jsonAnswer, PROTOCOL_FAILURES } from '../http/route-schemas.js';
import { IDENTITY_CLAIMS } from './refusals.js';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const count = { type: 'integer', minimum: 0 } as const;
const textList = { type: 'array', items: text } as const;

const finding = {
  type: 'object',
  required: ['rule', 'severity', 'path', 'message', 'overridden'],
  properties: { rule: text, severity: { type: 'string', enum: ['error', 'warning'] }, path: text, message: text, overridden: nullableText },
} as const;

const status = {
  type: 'object',
  required: ['version', 'generated_at', 'configuration', 'issuers', 'policies', 'refusals', 'store', 'backends', 'github_apps', 'revocations', 'exchanges'],
  properties: {
    version: text,
    generated_at: { type: 'string', format: 'date-time' },
    configuration: {
      type: 'object',
      required: ['generation', 'last_reload_failed', 'findings'],
      properties: { generation: { type: 'integer', minimum: 1 }, last_reload_failed: { type: 'boolean' }, findings: { type: 'array', items: finding } },
    },
    issuers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'issuer', 'usable', 'keys_age_seconds', 'key_ids', 'jwks_uri', 'discovered', 'last_error'],
        properties: {
          id: text,
          issuer: text,
          usable: { type: 'boolean' },
          keys_age_seconds: { type: ['integer', 'null'] },
          key_ids: textList,
          jwks_uri: nullableText,
          discovered: { type: 'boolean' },
          last_error: nullableText,
        },
      },
    },
    policies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'issuer', 'secrets', 'single_use', 'findings'],
        properties: { name: text, issuer: text, secrets: textList, single_use: { type: 'boolean' }, findings: { type: 'array', items: finding } },
      },
    },
    refusals: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'code', 'status', 'verified', 'claims'],
        properties: {
          at: { type: 'string', format: 'date-time' },
          code: text,
          status: { type: 'integer' },
          verified: { type: 'boolean' },
          issuer: text,
          policy: text,
          claims: { type: 'object', properties: Object.fromEntries(IDENTITY_CLAIMS.map((c) => [c, text])), additionalProperties: false },
        },
      },
    },
    store: {
      type: 'object',
      required: ['kind', 'where', 'up', 'latency_ms', 'last_error', 'last_error_at'],
      properties: { kind: text, where: text, up: { type: 'boolean' }, latency_ms: { type: 'number' }, last_error: nullableText, last_error_at: nullableText },
    },
    backends: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'name', 'origin', 'fetched', 'hits', 'errors', 'last_fetch_ms', 'last_ok_at', 'last_error_at', 'last_error'],
        properties: {
          kind: text,
          name: text,
          origin: text,
          fetched: count,
          hits: count,
          errors: count,
          last_fetch_ms: { type: ['number', 'null'] },
          last_ok_at: nullableText,
          last_error_at: nullableText,
          last_error: nullableText,
        },
      },
    },
    github_apps: {
      type: 'array',
      description: "Each GitHub App's quota as GitHub last reported it, pools included.",
      items: {
        type: 'object',
        required: ['app', 'installation', 'limit', 'remaining', 'reset_at', 'blocked_until', 'blocked_by', 'in_flight', 'queued'],
        properties: {
          app: text,
          installation: nullableText,
          limit: { type: ['integer', 'null'], minimum: 0 },
          remaining: { type: ['integer', 'null'], minimum: 0 },
          reset_at: { type: ['string', 'null'], format: 'date-time' },
          blocked_until: { type: ['string', 'null'], format: 'date-time' },
          blocked_by: { type: ['string', 'null'], enum: ['primary', 'secondary', 'shared', null] },
          in_flight: count,
          queued: count,
        },
      },
    },
    revocations: {
      type: 'object',
      required: ['enabled', 'revoked', 'already', 'unknown', 'failed'],
      properties: { enabled: { type: 'boolean' }, revoked: count, already: count, unknown: count, failed: count },
    },
    exchanges: {
      type: 'object',
      required: ['granted', 'denied', 'error'],
      properties: { granted: count, denied: count, error: count },
    },
  },
} as const;

const playground = {
  type: 'object',
  required: ['matched', 'problems', 'filled_in', 'policies'],
  properties: {
    matched: nullableText,
    problems: textList,
    filled_in: {
      type: 'object',
      required: ['derived', 'defaults', 'notes'],
      properties: { derived: textList, defaults: textList, notes: textList },
    },
    policies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'issuer_matches', 'matched', 'failures'],
        properties: {
          name: text,
          issuer_matches: { type: 'boolean' },
          matched: { type: 'boolean' },
          failures: {
            type: 'array',
            items: {
              type: 'object',
              required: ['claim', 'reason', 'expected'],
              properties: { claim: text, reason: { type: 'string', enum: ['missing', 'not_a_string', 'mismatch'] }, actual: text, expected: textList },
            },
          },
        },
      },
    },
  },
} as const;

/** The schema with every object closed: an answer carrying a field not declared here fails the conformance test. */
function closed<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(closed) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' || k === 'required' ? v : closed(v)]));
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out as T;
}

/** A page or a document that must not be cached or framed (status-routes.ts sets the headers). */
const headers = { 'Cache-Control': CACHE_CONTROL } as const;
const ADMIN = { tags: ['operations'], security: [{ adminToken: [] }] } as const;
const ADMIN_FAILURES = ['unauthorized', 'not_found', 'rate_limited'] as const;

export const statusSchemas = {
  page: {
    ...ADMIN,
    operationId: 'statusPage',
    summary: 'The status page (HTML); without the admin token, a 401 carrying its sign-in state',
    description: 'Server-rendered, no external asset, a Content-Security-Policy that allows only its own style and script. A browser cannot send the token on navigation, so a request that accepts HTML gets the page in its sign-in state (still a 401); docs/deploy.md, "The status page".',
    response: {
      200: { description: 'The page.', headers, content: { 'text/html': { schema: { type: 'string' } } } },
      ...failures(...ADMIN_FAILURES, ...PROTOCOL_FAILURES),
      401: {
        description: 'No or a wrong admin token: the page in its sign-in state (HTML) when HTML is accepted, else `unauthorized`.',
        headers,
        content: { 'text/html': { schema: { type: 'string' } }, ...failures('unauthorized')['401']!.content },
      },
    },
  },
  json: {
    ...ADMIN,
    operationId: 'status',
    summary: "The status page's model as JSON",
    response: { 200: jsonAnswer('What the broker is doing: never a secret value or a whole token.', closed(status), headers), ...failures(...ADMIN_FAILURES, ...PROTOCOL_FAILURES) },
  },
  playground: {
    ...ADMIN,
    operationId: 'statusPlayground',
    summary: 'Which policy the posted claims (a JSON object) match, and why each other one does not',
    description: 'The same code path as `oidc-exchange check --claims`; nothing is resolved.',
    body: { type: 'object', description: "A token's claims, as `check --claims` takes them.", additionalProperties: true },
    response: { 200: jsonAnswer('The verdict for each policy.', closed(playground), headers), ...failures('body_malformed', ...ADMIN_FAILURES, ...BODY_FAILURES) },
  },
};
