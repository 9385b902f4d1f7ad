// The `backends` section of the broker's configuration (Vault servers, AWS Secrets Manager regions, age
// identities) and the secrets that name them. What the schema cannot say is checked here and reported by
// path: exactly one way to authenticate, credentials present in the environment, readable CA and identity
// files, a backend that exists. Nothing here makes a network request: backends connect when the broker warms
// them (start-up, reload), so an outage does not stop the broker from starting.
import { checkEndpointUrl } from './endpoint-url.js';
import { AgeBackend, parseIdentities } from '../sources/age.js';
import { AwsSecretsManagerBackend } from '../sources/aws.js';
import type { BackendKind, SecretBackend } from '../sources/backend.js';
import { Backends, type BackendSecretSpec } from '../sources/backends.js';
import { VaultBackend, type VaultAuth } from '../sources/vault.js';
import { isObject, pathFrom, readNamedFile, type SectionContext } from './section.js';

export interface RawBackends {
  vault?: Record<string, Record<string, unknown>>;
  aws_secrets_manager?: Record<string, Record<string, unknown>>;
  age?: Record<string, Record<string, unknown>>;
}

const SECTION: Record<BackendKind, keyof RawBackends> = { vault: 'vault', aws_secrets_manager: 'aws_secrets_manager', age: 'age' };

export async function loadBackends(raw: unknown, ctx: SectionContext, now?: () => number): Promise<Backends> {
  const out = new Backends();
  if (!isObject(raw)) return out;
  const section = raw as RawBackends;
  for (const [name, v] of entries(section.vault)) {
    const at = `backends.vault.${name}`;
    if (typeof v.address !== 'string' || !isObject(v.auth)) continue; // the schema reported it
    const address = v.address.replace(/\/+$/, '');
    const urlProblem = checkEndpointUrl(address);
    if (urlProblem) ctx.problems.push(`${at}.address: ${urlProblem}`);
    const auth = await vaultAuth(v.auth, `${at}.auth`, ctx);
    const ca = typeof v.ca_file === 'string' ? await readNamedFile(v.ca_file, `${at}.ca_file`, ctx) : undefined;
    out.vault.set(
      name,
      new VaultBackend(
        {
          name,
          address,
          namespace: typeof v.namespace === 'string' ? v.namespace : undefined,
          auth,
          ca,
          timeoutSeconds: num(v.timeout_seconds, 5),
          cacheSeconds: num(v.cache_seconds, 60),
        },
        now,
      ),
    );
  }
  for (const [name, a] of entries(section.aws_secrets_manager)) {
    const at = `backends.aws_secrets_manager.${name}`;
    if (typeof a.region !== 'string') continue;
    if (typeof a.endpoint === 'string') {
      const p = checkEndpointUrl(a.endpoint);
      if (p) ctx.problems.push(`${at}.endpoint: ${p}`);
    }
    let credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
    let credentialsOrigin = "the SDK's default chain (AWS_* variables, web identity, instance role)";
    if (isObject(a.credentials)) {
      const c = a.credentials as Record<string, string | undefined>;
      credentialsOrigin = `env ${[c.access_key_id_env, c.secret_access_key_env, c.session_token_env].filter(Boolean).join(', ')}`;
      const id = fromEnv(c.access_key_id_env, `${at}.credentials.access_key_id_env`, ctx);
      const secret = fromEnv(c.secret_access_key_env, `${at}.credentials.secret_access_key_env`, ctx);
      const session = c.session_token_env === undefined ? undefined : fromEnv(c.session_token_env, `${at}.credentials.session_token_env`, ctx);
      if (id !== undefined && secret !== undefined) credentials = { accessKeyId: id, secretAccessKey: secret, ...(session ? { sessionToken: session } : {}) };
    }
    out.aws.set(
      name,
      new AwsSecretsManagerBackend(
        {
          name,
          region: a.region,
          endpoint: typeof a.endpoint === 'string' ? a.endpoint : undefined,
          credentials,
          credentialsOrigin,
          timeoutSeconds: num(a.timeout_seconds, 5),
          cacheSeconds: num(a.cache_seconds, 60),
        },
        now,
      ),
    );
  }
  for (const [name, g] of entries(section.age)) {
    const at = `backends.age.${name}`;
    const hasFile = typeof g.identity_file === 'string';
    const hasEnv = typeof g.identity_env === 'string';
    if (hasFile === hasEnv) {
      ctx.problems.push(`${at}: set exactly one of identity_file or identity_env (the age identity, AGE-SECRET-KEY-1..., that decrypts the files)`);
      continue;
    }
    let text: string | undefined;
    let origin: string;
    let where: string;
    if (hasFile) {
      const path = pathFrom(g.identity_file as string, ctx);
      origin = `file ${path}`;
      where = `${at}.identity_file`;
      text = await readNamedFile(g.identity_file as string, where, ctx);
    } else {
      origin = `env ${g.identity_env as string}`;
      where = `${at}.identity_env`;
      text = fromEnv(g.identity_env as string, where, ctx);
    }
    let identities: string[] | undefined;
    if (text !== undefined) {
      try {
        identities = parseIdentities(text);
      } catch (e) {
        ctx.problems.push(`${where}: ${(e as Error).message}`);
      }
    }
    out.age.set(name, new AgeBackend({ name, identities, identityOrigin: origin, cacheSeconds: num(g.cache_seconds, 60) }, now));
  }
  return out;
}

/**
 * The backend a secret names (its `backend`, or the only one of its kind), or a problem for the report.
 * Relative age file paths are made absolute against the configuration file.
 */
export function bindBackendSecret(
  secret: string,
  spec: BackendSecretSpec,
  backends: Backends,
  ctx: SectionContext,
): { backend: VaultBackend | AwsSecretsManagerBackend | AgeBackend; spec: BackendSecretSpec } | { problem: string } {
  const kind: BackendKind = 'vault' in spec ? 'vault' : 'aws_secrets_manager' in spec ? 'aws_secrets_manager' : 'age';
  const inner = (spec as Record<string, { backend?: string }>)[kind]!;
  const pool: ReadonlyMap<string, SecretBackend> = kind === 'vault' ? backends.vault : kind === 'aws_secrets_manager' ? backends.aws : backends.age;
  const at = `secrets.${secret}.${kind}.backend`;
  let name = inner.backend;
  if (name === undefined) {
    if (pool.size !== 1) {
      return {
        problem:
          pool.size === 0
            ? `secrets.${secret}.${kind}: no ${kind} backend is configured; add one under backends.${SECTION[kind]}`
            : `${at}: is required when several ${kind} backends are configured (${[...pool.keys()].join(', ')})`,
      };
    }
    name = [...pool.keys()][0]!;
  }
  if (!pool.has(name)) {
    return { problem: `${at}: ${JSON.stringify(name)} is not defined under backends.${SECTION[kind]}${pool.size ? ` (known: ${[...pool.keys()].join(', ')})` : ''}` };
  }
  const backend = pool.get(name)! as VaultBackend | AwsSecretsManagerBackend | AgeBackend;
  if ('age' in spec) return { backend, spec: { age: { ...spec.age, file: pathFrom(spec.age.file, ctx) } } };
  return { backend, spec };
}

async function vaultAuth(raw: Record<string, unknown>, at: string, ctx: SectionContext): Promise<VaultAuth> {
  const ways = ['approle', 'token_env', 'token_file'].filter((k) => Object.hasOwn(raw, k));
  if (ways.length !== 1) {
    ctx.problems.push(`${at}: set exactly one of approle, token_env or token_file`);
    return { kind: 'token', origin: 'invalid configuration' };
  }
  if (isObject(raw.approle)) {
    const r = raw.approle as Record<string, string | undefined>;
    const mount = r.mount ?? 'approle';
    if ((r.role_id === undefined) === (r.role_id_env === undefined)) ctx.problems.push(`${at}.approle: set exactly one of role_id or role_id_env`);
    if ((r.secret_id_env === undefined) === (r.secret_id_file === undefined)) ctx.problems.push(`${at}.approle: set exactly one of secret_id_env or secret_id_file`);
    const roleId = r.role_id ?? (r.role_id_env !== undefined ? fromEnv(r.role_id_env, `${at}.approle.role_id_env`, ctx) : undefined);
    const secretId =
      r.secret_id_env !== undefined
        ? fromEnv(r.secret_id_env, `${at}.approle.secret_id_env`, ctx)
        : r.secret_id_file !== undefined
          ? (await readNamedFile(r.secret_id_file, `${at}.approle.secret_id_file`, ctx))?.trim()
          : undefined;
    const origin = `AppRole at auth/${mount}, secret_id from ${r.secret_id_env !== undefined ? `env ${r.secret_id_env}` : `file ${r.secret_id_file}`}`;
    return { kind: 'approle', mount, roleId, secretId, origin };
  }
  if (typeof raw.token_env === 'string') {
    return { kind: 'token', token: fromEnv(raw.token_env, `${at}.token_env`, ctx), origin: `token from env ${raw.token_env}` };
  }
  const token = (await readNamedFile(raw.token_file as string, `${at}.token_file`, ctx))?.trim();
  return { kind: 'token', token, origin: `token from file ${pathFrom(raw.token_file as string, ctx)}` };
}

function fromEnv(name: string | undefined, at: string, ctx: SectionContext): string | undefined {
  if (name === undefined) return undefined;
  const v = ctx.env[name];
  if ((v === undefined || v === '') && ctx.strict) ctx.problems.push(`${at}: environment variable ${name} is not set`);
  return v === '' ? undefined : v;
}

function entries(v: unknown): Array<[string, Record<string, unknown>]> {
  return isObject(v) ? (Object.entries(v).filter(([, x]) => isObject(x)) as Array<[string, Record<string, unknown>]>) : [];
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}
