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

const envName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } as const;
const backendName = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' } as const;
const cacheSeconds = { type: 'integer', minimum: 0, maximum: 86400 } as const;
const backendTimeout = { type: 'number', exclusiveMinimum: 0, maximum: 120 } as const;

const secretSource = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    env: envName,
    file: { type: 'string', minLength: 1 },
    value: { type: 'string' },
    // A field of a Vault / OpenBao KV version 2 secret.
    vault: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'field'],
      properties: {
        backend: backendName,
        mount: { type: 'string', pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$' },
        path: { type: 'string', pattern: '^[A-Za-z0-9_.@-]+(/[A-Za-z0-9_.@-]+)*$' },
        field: { type: 'string', minLength: 1 },
        version: { type: 'integer', minimum: 1 },
      },
    },
    // An AWS Secrets Manager secret (or one key of a JSON secret).
    aws_secrets_manager: {
      type: 'object',
      additionalProperties: false,
      required: ['secret_id'],
      properties: {
        backend: backendName,
        secret_id: { type: 'string', minLength: 1, maxLength: 2048 },
        field: { type: 'string', minLength: 1 },
        version_stage: { type: 'string', minLength: 1, maxLength: 256 },
      },
    },
    // A file encrypted with age (the whole plaintext, or one key of a YAML/JSON mapping inside).
    age: {
      type: 'object',
      additionalProperties: false,
      required: ['file'],
      properties: {
        backend: backendName,
        file: { type: 'string', minLength: 1 },
        field: { type: 'string', minLength: 1 },
      },
    },
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
    // GitHub's secondary limit is 100 concurrent requests; the broker keeps below it.
    max_concurrent_requests: { type: 'integer', minimum: 1, maximum: 100 },
    queue_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 60 },
    // GitHub's secondary limit on points a minute (900 on github.com; GitHub Enterprise Server sets its own).
    points_per_minute: { type: 'integer', minimum: 5, maximum: 10000000 },
    rate_limit_warning_share: { type: 'number', minimum: 0, maximum: 1 },
    // More Apps installed on the same owner, each with its own key and quota (see github/pool.ts).
    pool: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          app_id: { type: ['string', 'integer'], pattern: '^[0-9]+$', minimum: 1 },
          client_id: { type: 'string', pattern: '^[A-Za-z0-9._-]+$' },
          private_key_file: { type: 'string', minLength: 1 },
          private_key_env: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        },
      },
    },
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
    // GitLab sends every finding of a pipeline in one request, each with its whole vulnerability record.
    body_limit_bytes: { type: 'integer', minimum: 65536, maximum: 268435456 },
    // Revocations at GitHub in flight at once for one batch.
    concurrency: { type: 'integer', minimum: 1, maximum: 100 },
    // Answer by then (GitLab gives up after 20 s): 204 if the batch is done, else 503 and GitLab's retry
    // finds the tokens revoked meanwhile.
    answer_within_seconds: { type: 'number', minimum: 1, maximum: 600 },
  },
} as const;

// Where secrets kept outside the broker are read from, by kind and name.
const backends = {
  type: 'object',
  additionalProperties: false,
  properties: {
    vault: {
      type: 'object',
      propertyNames: backendName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['address', 'auth'],
        properties: {
          address: { type: 'string', minLength: 1 },
          namespace: { type: 'string', minLength: 1 },
          auth: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              approle: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  mount: { type: 'string', pattern: '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$' },
                  role_id: { type: 'string', minLength: 1 },
                  role_id_env: envName,
                  secret_id_env: envName,
                  secret_id_file: { type: 'string', minLength: 1 },
                },
              },
              token_env: envName,
              token_file: { type: 'string', minLength: 1 },
            },
          },
          ca_file: { type: 'string', minLength: 1 },
          timeout_seconds: backendTimeout,
          cache_seconds: cacheSeconds,
        },
      },
    },
    aws_secrets_manager: {
      type: 'object',
      propertyNames: backendName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['region'],
        properties: {
          region: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-[0-9]+$' },
          endpoint: { type: 'string', minLength: 1 },
          credentials: {
            type: 'object',
            additionalProperties: false,
            required: ['access_key_id_env', 'secret_access_key_env'],
            properties: { access_key_id_env: envName, secret_access_key_env: envName, session_token_env: envName },
          },
          timeout_seconds: backendTimeout,
          cache_seconds: cacheSeconds,
        },
      },
    },
    age: {
      type: 'object',
      propertyNames: backendName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          identity_file: { type: 'string', minLength: 1 },
          identity_env: envName,
          cache_seconds: cacheSeconds,
        },
      },
    },
  },
} as const;

// The Redis store in its mapping form (the string form is a URL).
const redisStore = {
  type: 'object',
  additionalProperties: false,
  required: ['redis'],
  properties: {
    redis: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: {
        url: { type: 'string', minLength: 1 },
        username: { type: 'string', minLength: 1 },
        password_env: envName,
        ca_file: { type: 'string', minLength: 1 },
        key_prefix: { type: 'string', pattern: '^[A-Za-z0-9:_.-]{0,64}$' },
        command_timeout_ms: { type: 'integer', minimum: 10, maximum: 60000 },
        connect_timeout_ms: { type: 'integer', minimum: 10, maximum: 60000 },
        // How long the broker waits for Redis at start-up before it listens anyway (not ready until Redis is).
        startup_wait_seconds: { type: 'number', minimum: 0, maximum: 600 },
      },
    },
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
        // Serve HTTPS (files re-read on reload); client_ca asks clients for a certificate (mTLS).
        tls: {
          type: 'object',
          additionalProperties: false,
          required: ['cert', 'key'],
          properties: {
            cert: { type: 'string', minLength: 1 },
            key: { type: 'string', minLength: 1 },
            client_ca: { type: 'string', minLength: 1 },
            client_auth: { enum: ['exchange', 'all'] },
          },
        },
        // Plain HTTP on an address other than loopback: only behind a TLS-terminating proxy, and said so here.
        plain_http: { type: 'boolean' },
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
          // Which platform issues the tokens, where the URL does not say (a GitLab at any host name).
          kind: { enum: ['github', 'gitlab'] },
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
    store: { anyOf: [{ type: 'string', minLength: 1 }, redisStore] },
    backends,
    // The operator's own endpoints (POST /-/reload), behind a pre-shared token.
    admin: {
      type: 'object',
      additionalProperties: false,
      properties: {
        token_env: envName,
        token_file: { type: 'string', minLength: 1 },
      },
    },
    github_apps: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
      additionalProperties: githubApp,
    },
    revocation,
  },
} as const;
