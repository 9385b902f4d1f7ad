// Reads the broker's YAML, validates it against the JSON Schema, then checks what a schema cannot say
// (references between sections, regexes that compile, issuer URLs). Every problem is reported by its path
// in the file, all at once, so an operator fixes the file in one pass.
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { configSchema } from './schema.js';
import { checkEndpointUrl } from './endpoint-url.js';
import { isLoopbackHost } from '../../client/loopback.js';
import { ConfigError } from '../errors.js';
import { compileMatcher, compilePolicy, numberProblem, type Policy, type PolicySpec } from '../policy/policy.js';
import { describeBlocking, isBlocking, lintConfig } from '../lint/index.js';
import type { StoreSpec } from '../store/index.js';
import { loadStore, type RawRedisStore } from './store.js';
import { checkSecretSource, createBackendSource, createSecretSource, type SecretSource, type SecretSourceSpec } from '../sources/index.js';
import { bindBackendSecret, loadBackends, type RawBackends } from './backends.js';
import { isBackendSpec, type Backends } from '../sources/backends.js';
import { loadTls, type RawTls } from './tls.js';
import type { ListenSettings } from '../http/server.js';

export type { ListenSettings } from '../http/server.js';
import { loadSharedTokens, type SharedTokens } from '../shared-secret.js';
import { reservedBy } from '../../client/reserved-names.js';
import { loadGitHubApps, loadRevocation, type RawGitHubApp, type RawRevocation, type RevocationSettings } from './github.js';
import type { GitHubApp } from '../github/app.js';
import { isGrantSpec } from '../sources/github-app.js';
import type { LintFinding } from '../lint/finding.js';

export interface IssuerSettings {
  id: string;
  issuer: string;
  jwksUri?: string;
  algorithms: string[];
  clockSkewSeconds: number;
  maxTokenAgeSeconds: number;
  jwksRefreshSeconds: number;
  jwksMaxStaleSeconds: number;
  jwksCooldownSeconds: number;
  jwksTimeoutSeconds: number;
  /** Exchanges allowed per subject of this issuer per window, shared across instances through the store. */
  rateLimit?: { requests: number; perSeconds: number };
}

export interface BrokerConfig {
  listen: ListenSettings;
  audience: string;
  issuers: IssuerSettings[];
  secrets: Map<string, SecretSource>;
  policies: Policy[];
  store: StoreSpec;
  /** How long start-up waits for the store before listening anyway (unready until it is reachable). */
  storeStartupWaitSeconds: number;
  /** Vault servers, AWS Secrets Manager regions and age identities that secrets are read through. */
  backends: Backends;
  /** The admin API (POST /-/reload) and its pre-shared tokens (absent: not offered). */
  admin?: SharedTokens;
  /** GitHub Apps the `github_app` secrets mint with, by name. */
  githubApps: Map<string, GitHubApp>;
  /** GitLab's Token Revocation API (absent: not offered). */
  revocation?: RevocationSettings;
  /**
   * What the trust-policy linter found and the configuration still loads with: warnings, and errors a policy
   * overrides with a reason. Errors without an override make the load fail. Logged at start-up and reload.
   */
  lintFindings: LintFinding[];
}

interface RawConfig {
  listen?: Record<string, unknown> & { tls?: RawTls };
  audience: string;
  issuers: Array<Record<string, unknown> & { id: string; issuer: string }>;
  secrets: Record<string, SecretSourceSpec>;
  policies: PolicySpec[];
  store?: string | RawRedisStore;
  github_apps?: Record<string, RawGitHubApp>;
  revocation?: RawRevocation;
  backends?: RawBackends;
  admin?: { token_env?: string; token_file?: string };
}

export interface LoadOptions {
  /** The environment secret sources read from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Check at load time that every env/file secret can be delivered (the broker does; `check` does not). */
  checkSources?: boolean;
  /**
   * Refuse the configuration on an `error` lint finding its policy does not override (default true). `check
   * --lint` turns it off to report every finding; `lintFindings` then holds the blocking ones too.
   */
  enforceLint?: boolean;
  /** How the YAML file wrote each number under `policies[*].claims`, by path (parseConfig fills it). */
  numberSources?: ReadonlyMap<string, string>;
  /**
   * Load secrets under names the clients refuse (PATH, GITHUB_TOKEN, ...). Only for tests that play a
   * misconfigured or hostile broker, to show the clients refuse them; the CLI never sets it.
   */
  acceptReservedNames?: boolean;
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(configSchema);

export async function loadConfigFile(file: string, opts: LoadOptions = {}): Promise<BrokerConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ConfigError(file, [`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  return parseConfig(text, file, opts);
}

export async function parseConfig(text: string, file: string, opts: LoadOptions = {}): Promise<BrokerConfig> {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
  }
  const raw: unknown = doc.toJS();
  return buildConfig(raw, file, { numberSources: claimNumberSources(doc), ...opts });
}

/**
 * How the file wrote each number in a claim condition (`policies[0].claims.repository_id` -> `9007199254740993`):
 * by the time the YAML is JavaScript, `9007199254740993` is 9007199254740992 and `0x10` is 16, so only the
 * source text can tell the operator which ID they wrote.
 */
export function claimNumberSources(doc: Document): Map<string, string> {
  const out = new Map<string, string>();
  const policies = doc.get('policies', true);
  if (!isSeq(policies)) return out;
  policies.items.forEach((p, n) => {
    const claims = isMap(p) ? p.get('claims', true) : undefined;
    if (!isMap(claims)) return;
    for (const pair of claims.items) {
      const claim = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (claim === undefined) continue;
      const at = `policies[${n}].claims.${claim}`;
      const record = (node: unknown, path: string) => {
        if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string') out.set(path, node.source);
      };
      if (isSeq(pair.value)) pair.value.items.forEach((item, k) => record(item, `${at}[${k}]`));
      else record(pair.value, at);
    }
  });
  return out;
}

export async function buildConfig(raw: unknown, file: string, opts: LoadOptions = {}): Promise<BrokerConfig> {
  const env = opts.env ?? process.env;
  // Schema problems and cross-reference problems are reported together, so one pass fixes the file. The
  // checks below therefore look only at entries that have the right shape (the schema reports the rest).
  const problems: string[] = validate(raw) ? [] : schemaProblems(validate.errors ?? []);
  if (!isObject(raw)) throw new ConfigError(file, problems.length ? problems : ['(top level): must be a mapping']);
  const cfg = raw as unknown as RawConfig;

  const issuerIds = new Set<string>();
  const issuers: IssuerSettings[] = list(cfg.issuers).flatMap((i, n) => {
    if (!isObject(i) || typeof i.id !== 'string' || typeof i.issuer !== 'string') return [];
    const at = `issuers[${n}]`;
    if (issuerIds.has(i.id)) problems.push(`${at}.id: duplicate issuer id ${JSON.stringify(i.id)}`);
    issuerIds.add(i.id);
    const urlProblem = checkEndpointUrl(i.issuer);
    if (urlProblem) problems.push(`${at}.issuer: ${urlProblem}`);
    if (typeof i.jwks_uri === 'string') {
      const p = checkEndpointUrl(i.jwks_uri);
      if (p) problems.push(`${at}.jwks_uri: ${p}`);
    }
    return [{
      id: i.id,
      issuer: i.issuer.replace(/\/+$/, ''),
      jwksUri: i.jwks_uri as string | undefined,
      algorithms: (i.algorithms as string[] | undefined) ?? ['RS256'],
      clockSkewSeconds: (i.clock_skew_seconds as number | undefined) ?? 60,
      maxTokenAgeSeconds: (i.max_token_age_seconds as number | undefined) ?? 3600,
      jwksRefreshSeconds: (i.jwks_refresh_seconds as number | undefined) ?? 600,
      jwksMaxStaleSeconds: (i.jwks_max_stale_seconds as number | undefined) ?? 86400,
      jwksCooldownSeconds: (i.jwks_cooldown_seconds as number | undefined) ?? 30,
      jwksTimeoutSeconds: (i.jwks_timeout_seconds as number | undefined) ?? 5,
      ...(i.rate_limit ? { rateLimit: rateLimitOf(i.rate_limit as { requests: number; per_seconds: number }) } : {}),
    }];
  });
  const issuerUrls = new Set<string>();
  issuers.forEach((i, n) => {
    if (issuerUrls.has(i.issuer)) problems.push(`issuers[${n}].issuer: ${i.issuer} is listed twice`);
    issuerUrls.add(i.issuer);
  });

  const githubApps = await loadGitHubApps(isObject(cfg.github_apps) ? cfg.github_apps : {}, { file, env, strict: opts.checkSources === true, problems });
  const revocation = await loadRevocation(isObject(cfg.revocation) ? cfg.revocation : undefined, { file, env, strict: opts.checkSources === true, problems });
  const sectionCtx = { file, env, strict: opts.checkSources === true, problems };
  const backends = await loadBackends(isObject(cfg.backends) ? (cfg.backends as RawBackends) : undefined, sectionCtx);
  const admin = isObject(cfg.admin) ? await loadSharedTokens(cfg.admin, 'admin', sectionCtx) : undefined;

  const secrets = new Map<string, SecretSource>();
  for (const [name, given] of Object.entries(isObject(cfg.secrets) ? cfg.secrets : {})) {
    // The clients refuse to export these names (the list they share): a secret under one could never arrive.
    const reserved = opts.acceptReservedNames ? undefined : reservedBy(name);
    if (reserved) problems.push(`secrets.${name}: the name is reserved (${reserved.why}); the GitHub Action and the GitLab component refuse to export it, so choose another name`);
    if (!isObject(given) || Object.keys(given).length !== 1) continue;
    if (isBackendSpec(given)) {
      const bound = bindBackendSecret(name, given, backends, file);
      if ('problem' in bound) {
        problems.push(bound.problem);
        continue;
      }
      secrets.set(name, createBackendSource(name, bound.backend, bound.spec));
      if (opts.checkSources && 'age' in bound.spec) {
        const p = await (bound.backend as import('../sources/age.js').AgeBackend).check(bound.spec.age);
        if (p) problems.push(`secrets.${name}.age: ${p}`);
      }
      continue;
    }
    // A relative file path is relative to the configuration file, not to wherever the broker was started.
    const spec = 'file' in given && !isAbsolute(given.file) ? { file: resolve(dirname(file), given.file) } : given;
    if ('github_app' in spec) {
      // A grant of the wrong shape, or a github_apps section that is not a mapping, is reported by the schema.
      if (!isGrantSpec(spec.github_app)) continue;
      if (!githubApps.has(spec.github_app.app)) {
        const known = [...githubApps.keys()];
        if (cfg.github_apps === undefined || isObject(cfg.github_apps)) {
          problems.push(`secrets.${name}.github_app.app: ${JSON.stringify(spec.github_app.app)} is not defined under github_apps${known.length ? ` (known: ${known.join(', ')})` : ''}`);
        }
        continue;
      }
    }
    secrets.set(name, createSecretSource(name, spec, env, githubApps));
    if (opts.checkSources) {
      const p = await checkSecretSource(spec, env);
      if (p) problems.push(`secrets.${name}: ${p}`);
    }
  }

  const names = new Set<string>();
  const policies: Policy[] = [];
  list(cfg.policies).forEach((p, n) => {
    const at = `policies[${n}]`;
    if (!isObject(p) || typeof p.name !== 'string' || typeof p.issuer !== 'string' || !isObject(p.claims)) return;
    if (names.has(p.name)) problems.push(`${at}.name: duplicate policy name ${JSON.stringify(p.name)}`);
    names.add(p.name);
    if (!issuerIds.has(p.issuer)) {
      problems.push(`${at}.issuer: ${JSON.stringify(p.issuer)} is not an issuer id (known: ${[...issuerIds].join(', ')})`);
    }
    list(p.secrets).forEach((s, k) => {
      if (typeof s === 'string' && !(isObject(cfg.secrets) && Object.hasOwn(cfg.secrets, s))) problems.push(`${at}.secrets[${k}]: ${JSON.stringify(s)} is not defined under secrets`);
    });
    let ok = true;
    for (const [claim, spec] of Object.entries(p.claims)) {
      (Array.isArray(spec) ? spec : [spec]).forEach((m, k) => {
        const entry = `${at}.claims.${claim}${Array.isArray(spec) ? `[${k}]` : ''}`;
        try {
          // A number is checked as the file wrote it: YAML has already rounded 9007199254740993.
          const numeric = typeof m === 'number' ? numberProblem(m, opts.numberSources?.get(entry)) : undefined;
          if (numeric) throw new Error(numeric);
          compileMatcher(m);
        } catch (e) {
          ok = false;
          problems.push(`${entry}: ${(e as Error).message}`);
        }
      });
    }
    if (ok && Object.keys(p.claims).length > 0) {
      policies.push({ ...compilePolicy(p as unknown as PolicySpec), singleUse: (p.single_use as boolean | undefined) ?? true });
    }
  });

  const store = await loadStore(cfg.store, sectionCtx);

  // Trust-policy lint (docs/policies.md, "Safe policies"): an error stops the load unless its policy overrides
  // the rule with a reason; warnings and overridden errors are kept for the start-up log and `check --lint`.
  const lint = lintConfig(raw, opts.numberSources);
  problems.push(...lint.problems);
  const enforce = opts.enforceLint !== false;
  if (enforce) problems.push(...lint.findings.filter(isBlocking).map(describeBlocking));
  const lintFindings = enforce ? lint.findings.filter((f) => !isBlocking(f)) : lint.findings;

  const l = isObject(cfg.listen) ? cfg.listen : {};
  const tls = await loadTls(isObject(l.tls) ? (l.tls as RawTls) : undefined, sectionCtx);
  const host = typeof l.host === 'string' ? l.host : '127.0.0.1';
  const plainHttp = l.plain_http === true;
  const listenProblem = plainListenProblem(host, tls !== undefined, plainHttp);
  if (listenProblem) problems.push(`listen: ${listenProblem}`);

  if (problems.length > 0) {
    await backends.close();
    throw new ConfigError(file, problems);
  }

  return {
    listen: {
      host,
      port: (l.port as number | undefined) ?? 8080,
      bodyLimitBytes: (l.body_limit_bytes as number | undefined) ?? 16384,
      headerLimitBytes: (l.header_limit_bytes as number | undefined) ?? 32768,
      maxTokenBytes: (l.max_token_bytes as number | undefined) ?? 16384,
      requestTimeoutSeconds: (l.request_timeout_seconds as number | undefined) ?? 10,
      shutdownGraceSeconds: (l.shutdown_grace_seconds as number | undefined) ?? 10,
      tls,
      plainHttp,
    },
    audience: cfg.audience,
    issuers,
    secrets,
    policies,
    store: store.spec,
    storeStartupWaitSeconds: store.startupWaitSeconds,
    backends,
    admin,
    githubApps,
    revocation,
    lintFindings,
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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] & any[] {
  return Array.isArray(v) ? v : [];
}

/**
 * ajv's findings as one line per problem. With `anyOf`, ajv also reports why each alternative failed; those
 * are noise next to the one-line summary, so errors inside a failed `anyOf` (or `propertyNames`) are dropped.
 */
function schemaProblems(errors: ErrorObject[]): string[] {
  const umbrellas = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'propertyNames').map((e) => e.schemaPath);
  const kept = errors.filter((e) => !umbrellas.some((u) => e.schemaPath !== u && e.schemaPath.startsWith(`${u}/`)));
  // An anyOf nested in another failed anyOf is itself noise.
  const outer = kept.filter((e) => !(e.keyword === 'anyOf' && kept.some((o) => o !== e && o.keyword === 'anyOf' && e.instancePath.startsWith(`${o.instancePath}/`))));
  return [...new Set(outer.map(describeAjvError))];
}

function rateLimitOf(r: { requests: number; per_seconds: number }): { requests: number; perSeconds: number } {
  return { requests: r.requests, perSeconds: r.per_seconds };
}

/** `/policies/2/claims` -> `policies[2].claims`, with ajv's complaint made readable. */
function describeAjvError(e: ErrorObject): string {
  let path = e.instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
  let msg = e.message ?? 'is invalid';
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      path = path ? `${path}.${extra}` : extra;
      msg = 'unknown key (check the spelling; see docs/policies.md)';
      break;
    }
    case 'required':
      path = path ? `${path}.${(e.params as { missingProperty: string }).missingProperty}` : (e.params as { missingProperty: string }).missingProperty;
      msg = 'is required';
      break;
    case 'minProperties':
      if (/^policies\[\d+\]\.claims$/.test(path)) msg = 'needs at least one claim condition (a policy that matches every token is not allowed)';
      else if (/^secrets\.[^.]+$/.test(path)) msg = 'needs one source: env, file, value, github_app, vault, aws_secrets_manager or age';
      break;
    case 'maxProperties':
      if (/^secrets\.[^.]+$/.test(path)) msg = 'takes exactly one source: env, file, value, github_app, vault, aws_secrets_manager or age';
      break;
    case 'enum':
      msg = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      break;
    case 'anyOf':
      if (/claims\./.test(path)) msg = 'must be a string, number, boolean, { pattern: "<regex>" } or a list of those';
      else if (path === 'store') msg = 'must be "memory", a redis:// or rediss:// URL, or { redis: { url, password_env, ca_file, ... } }';
      break;
    case 'propertyNames': {
      const name = (e.params as { propertyName: string }).propertyName;
      msg = path === 'secrets'
        ? 'secret names must match ^[A-Za-z_][A-Za-z0-9_]*$ (they become environment variable names)'
        : 'names may hold letters, digits and _ . - (a letter or digit first)';
      path = path ? `${path}.${name}` : name;
      break;
    }
  }
  return `${path || '(top level)'}: ${msg}`;
}
