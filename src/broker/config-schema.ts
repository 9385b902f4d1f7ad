// JSON Schema for the broker's YAML configuration. Unknown keys are errors everywhere: a typo in a policy
// must stop start-up, not silently widen or narrow what a job receives.

const scalar = { type: ['string', 'number', 'boolean'] } as const;
const pattern = {
  type: 'object',
  required: ['pattern'],
  additionalProperties: false,
  properties: { pattern: { type: 'string', minLength: 1 } },
} as const;
const matcher = { anyOf: [scalar, pattern] } as const;

const secretSource = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    file: { type: 'string', minLength: 1 },
    value: { type: 'string' },
    github_app: {
      type: 'object',
      additionalProperties: false,
      required: ['app', 'permissions'],
      properties: {
        app: { type: 'string', minLength: 1 },
        repositories: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' } },
        permissions: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
          additionalProperties: { enum: ['read', 'write', 'admin'] },
        },
      },
    },
  },
} as const;

// GitHub Apps the broker mints installation tokens with (secret source `github_app`). Exactly one of
// app_id/client_id and one of private_key_file/private_key_env: checked in config.ts, with a clearer message
// than a schema `oneOf` gives.
const githubApp = {
  type: 'object',
  additionalProperties: false,
  required: ['owner'],
  properties: {
    app_id: { type: ['string', 'integer'], pattern: '^[0-9]+$', minimum: 1 },
    client_id: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
    private_key_file: { type: 'string', minLength: 1 },
    private_key_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    owner: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]*(/[A-Za-z0-9._-]+)?$' },
    api_url: { type: 'string', minLength: 1 },
    timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 120 },
  },
} as const;

// GitLab's Token Revocation API: the pre-shared token GitLab sends, and how many revocation requests a
// window accepts before answering 429.
/** `{ requests, per_seconds }`: a fixed-window limit, for exchanges per subject and for the revocation API. */
const rateLimit = {
  type: 'object',
  additionalProperties: false,
  required: ['requests', 'per_seconds'],
  properties: {
    requests: { type: 'integer', minimum: 1, maximum: 1000000 },
    per_seconds: { type: 'integer', minimum: 1, maximum: 86400 },
  },
} as const;

const revocation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    token_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    token_file: { type: 'string', minLength: 1 },
    rate_limit: rateLimit,
  },
} as const;

export const configSchema = {
  $id: 'https://oidc-exchange.dev/schema/broker-config.json',
  type: 'object',
  additionalProperties: false,
  required: ['audience', 'issuers', 'secrets', 'policies'],
  properties: {
    listen: {
      type: 'object',
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 0, maximum: 65535 },
        body_limit_bytes: { type: 'integer', minimum: 256, maximum: 10485760 },
        header_limit_bytes: { type: 'integer', minimum: 1024, maximum: 1048576 },
        max_token_bytes: { type: 'integer', minimum: 512, maximum: 1048576 },
        request_timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 600 },
        shutdown_grace_seconds: { type: 'number', minimum: 0, maximum: 600 },
      },
    },
    audience: { type: 'string', minLength: 1 },
    issuers: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'issuer'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
          issuer: { type: 'string', minLength: 1 },
          jwks_uri: { type: 'string', minLength: 1 },
          algorithms: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { enum: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] },
          },
          clock_skew_seconds: { type: 'integer', minimum: 0, maximum: 300 },
          max_token_age_seconds: { type: 'integer', minimum: 1, maximum: 86400 },
          jwks_refresh_seconds: { type: 'integer', minimum: 1, maximum: 86400 },
          jwks_max_stale_seconds: { type: 'integer', minimum: 0, maximum: 604800 },
          jwks_cooldown_seconds: { type: 'integer', minimum: 0, maximum: 3600 },
          jwks_timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 60 },
          // Exchanges per subject (the token's `sub`) of this issuer, counted in the store across instances.
          rate_limit: rateLimit,
        },
      },
    },
    secrets: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: secretSource,
    },
    policies: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'issuer', 'claims', 'secrets'],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
          issuer: { type: 'string', minLength: 1 },
          claims: {
            type: 'object',
            minProperties: 1,
            additionalProperties: {
              anyOf: [matcher, { type: 'array', minItems: 1, items: matcher }],
            },
          },
          secrets: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } },
          // Each token (issuer + jti) may be exchanged once; default true (docs/deploy.md says why).
          single_use: { type: 'boolean' },
          // Accept an `error` lint finding for this policy: the rule's id and why (logged at start-up).
          allow_risky: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['rule', 'reason'],
              properties: { rule: { type: 'string', minLength: 1 }, reason: { type: 'string', minLength: 1 } },
            },
          },
        },
      },
    },
    store: { type: 'string', minLength: 1 },
    github_apps: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
      additionalProperties: githubApp,
    },
    revocation,
  },
} as const;
