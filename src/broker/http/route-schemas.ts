// The pieces the routes' schemas share, for the OpenAPI document (openapi.ts): the error body with the codes a
// route can answer with, grouped under their statuses (from the one table in ../errors.ts), and the headers
// the answers carry. The schemas describe; they do not validate or serialise (server.ts says why), so a route
// keeps its own checks and its own error codes, and the conformance test keeps the two in step.
import { statusOf, type ErrorCode } from '../errors.js';

/** A response entry as the routes declare it (fastify's response schema, which @fastify/swagger reads). */
export interface ResponseSchema {
  description: string;
  headers?: Record<string, { type: 'string'; description: string }>;
  content?: Record<string, { schema: Record<string, unknown> }>;
}

const JSON_TYPE = 'application/json';

export const CACHE_CONTROL = { type: 'string', description: 'Always `no-store`: nothing the broker answers here may be cached.' } as const;
const RETRY_AFTER = { type: 'string', description: 'Seconds to wait before retrying (429, and 503 where the broker knows).' } as const;
const ALLOW = { type: 'string', description: 'With 405: the one method the path takes.' } as const;

/** A JSON answer whose body is `schema`. */
export function jsonAnswer(description: string, schema: Record<string, unknown>, headers: ResponseSchema['headers'] = {}): ResponseSchema {
  return { description, headers, content: { [JSON_TYPE]: { schema } } };
}

/**
 * The error answers of a route: one entry per status, whose body's `error` is one of the codes given for that
 * status. Clients match on `error`; `message` says what to fix and may change.
 */
export function failures(...codes: ErrorCode[]): Record<string, ResponseSchema> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, ResponseSchema> = {};
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    const headers: NonNullable<ResponseSchema['headers']> = { 'Cache-Control': CACHE_CONTROL };
    if (status === 429 || status === 503) headers['Retry-After'] = RETRY_AFTER;
    if (status === 405) headers.Allow = ALLOW;
    out[String(status)] = jsonAnswer(`Refused: ${list.map((c) => `\`${c}\``).join(', ')} (see docs/broker-api.md#errors).`, errorBody(list), headers);
  }
  return out;
}

/** `{"error": "<code>", "message": "<what to fix>"}` with one of `codes`. */
export function errorBody(codes: readonly ErrorCode[]): Record<string, unknown> {
  return {
    type: 'object',
    required: ['error', 'message'],
    additionalProperties: false,
    properties: {
      error: { type: 'string', enum: [...codes], description: 'The stable code: what clients match on.' },
      message: { type: 'string', description: 'What to fix, for people; it may change. Never a secret or a token.' },
    },
  };
}

/**
 * What any request can be refused with before a route reads it: headers over `listen.header_limit_bytes`,
 * or a request that did not arrive within `listen.request_timeout_seconds`. Written to the socket in the
 * same error shape (errors.ts, clientErrorHandler).
 */
export const PROTOCOL_FAILURES: readonly ErrorCode[] = ['request_timeout', 'headers_too_large'];

/** A request with a body can also carry one over the route's limit. */
export const BODY_FAILURES: readonly ErrorCode[] = [...PROTOCOL_FAILURES, 'body_too_large'];
