// The JSON schemas of the status routes' answers (fastify route schemas): the JSON model is serialized through
// them, so /-/status.json carries exactly what is declared here, and the OpenAPI document is generated from
// the same objects. The request body of the playground is read as text and parsed by the route (its errors
// are the API's own 400), so it has no body schema.
import { IDENTITY_CLAIMS } from './refusals.js';

const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const count = { type: 'integer', minimum: 0 } as const;
const textList = { type: 'array', items: text } as const;

const error = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: text, message: text },
} as const;

const finding = {
  type: 'object',
  required: ['rule', 'severity', 'path', 'message', 'overridden'],
  properties: { rule: text, severity: { type: 'string', enum: ['error', 'warning'] }, path: text, message: text, overridden: nullableText },
} as const;

const status = {
  type: 'object',
  required: ['version', 'generated_at', 'configuration', 'issuers', 'policies', 'refusals', 'store', 'backends', 'revocations', 'exchanges'],
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

const adminErrors = { 401: error, 404: error, 429: error } as const;
const html = { content: { 'text/html': { schema: text } } } as const;

export const statusSchemas = {
  page: {
    summary: 'The status page (HTML); without the admin token, a 401 carrying its sign-in state',
    response: { 200: html, 401: { description: 'no or a wrong admin token: the page in its sign-in state (HTML), or the JSON error when HTML is not accepted', content: { 'text/html': { schema: text }, 'application/json': { schema: error } } }, 404: error, 429: error },
  },
  json: { summary: 'The status page\'s model as JSON', response: { 200: status, ...adminErrors } },
  playground: { summary: 'Which policy the posted claims (a JSON object) match, and why each other one does not', response: { 200: playground, 400: error, 413: error, ...adminErrors } },
};
