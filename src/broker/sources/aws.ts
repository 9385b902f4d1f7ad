// The `aws_secrets_manager` secret backend: AWS Secrets Manager through AWS's own SDK
// (@aws-sdk/client-secrets-manager: SigV4 signing, credential chain, retries). The SDK is large, so it is
// imported only when a configuration names this backend, on first use: a broker (or any other CLI command)
// without it never loads it.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { backendUnavailable, fieldOf, type BackendEvents, type SecretBackend } from './backend.js';
import { TtlCache } from './cache.js';

export interface AwsSettings {
  name: string;
  region: string;
  /** A VPC endpoint or a local double; default: AWS's regional endpoint. */
  endpoint?: string;
  /** From `credentials:` (named variables); absent: the SDK's default chain (env, web identity, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  credentialsOrigin: string;
  timeoutSeconds: number;
  cacheSeconds: number;
}

export interface AwsSecretSpec {
  backend?: string;
  secret_id: string;
  /** A key of the secret string parsed as JSON (the console's "key/value" secrets); absent: the whole string. */
  field?: string;
  version_stage?: string;
}

export class AwsSecretsManagerBackend implements SecretBackend {
  readonly kind = 'aws_secrets_manager' as const;
  readonly name: string;
  readonly origin: string;
  private readonly cache: TtlCache<string>;
  private client?: Promise<{ client: SecretsManagerClient; get: typeof import('@aws-sdk/client-secrets-manager').GetSecretValueCommand }>;
  private events: BackendEvents = {};

  constructor(
    private readonly settings: AwsSettings,
    now: () => number = Date.now,
  ) {
    this.name = settings.name;
    this.origin = `region ${settings.region}${settings.endpoint ? ` via ${settings.endpoint}` : ''}, credentials from ${settings.credentialsOrigin}`;
    this.cache = new TtlCache(settings.cacheSeconds * 1000, now);
  }

  observe(events: BackendEvents): void {
    this.events = events;
  }

  /** Loads the SDK and builds the client; a request to AWS happens only for a secret. */
  async warm(): Promise<string | undefined> {
    try {
      await this.sdk();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }

  async resolve(secret: string, spec: AwsSecretSpec): Promise<string> {
    const key = `${spec.secret_id}\u0000${spec.version_stage ?? ''}`;
    let text: string;
    try {
      text = await this.cache.get(key, () => this.fetch(spec), (hit) => hit && this.events.onFetch?.('aws_secrets_manager', this.name, 'hit'));
    } catch (e) {
      this.events.onFetch?.('aws_secrets_manager', this.name, 'error');
      throw backendUnavailable(secret, `aws_secrets_manager ${this.name}: ${spec.secret_id}: ${describe(e)}`);
    }
    if (spec.field === undefined) return text;
    try {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        throw new Error(`aws_secrets_manager ${this.name}: ${spec.secret_id} is not a JSON secret, so it has no field ${JSON.stringify(spec.field)}`);
      }
      return fieldOf(doc, spec.field, `aws_secrets_manager ${this.name}: ${spec.secret_id}`);
    } catch (e) {
      throw backendUnavailable(secret, (e as Error).message);
    }
  }

  async close(): Promise<void> {
    const c = await this.client?.catch(() => undefined);
    c?.client.destroy();
  }

  private sdk(): Promise<{ client: SecretsManagerClient; get: typeof import('@aws-sdk/client-secrets-manager').GetSecretValueCommand }> {
    if (!this.client) {
      this.client = (async () => {
        const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
        const s = this.settings;
        const client = new SecretsManagerClient({
          region: s.region,
          ...(s.endpoint ? { endpoint: s.endpoint } : {}),
          ...(s.credentials ? { credentials: s.credentials } : {}),
          // One retry inside the SDK: the exchange's client retries a 503 itself, with the same token.
          maxAttempts: 2,
          requestHandler: { connectionTimeout: s.timeoutSeconds * 1000, requestTimeout: s.timeoutSeconds * 1000 },
        });
        return { client, get: GetSecretValueCommand };
      })();
      this.client.catch(() => {
        this.client = undefined;
      });
    }
    return this.client;
  }

  private async fetch(spec: AwsSecretSpec): Promise<string> {
    const started = performance.now();
    const { client, get } = await this.sdk();
    const out = await client.send(new get({ SecretId: spec.secret_id, ...(spec.version_stage ? { VersionStage: spec.version_stage } : {}) }));
    this.events.onFetch?.('aws_secrets_manager', this.name, 'fetched', (performance.now() - started) / 1000);
    if (typeof out.SecretString === 'string') return out.SecretString;
    if (out.SecretBinary) return Buffer.from(out.SecretBinary).toString('utf8');
    throw new Error('the secret has neither SecretString nor SecretBinary');
  }
}

/** The SDK's error by its stable name and HTTP status (its message may quote the request; the name does not). */
function describe(e: unknown): string {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; code?: string };
  const status = err.$metadata?.httpStatusCode;
  if (err.name && err.name !== 'Error') return `${err.name}${status ? ` (HTTP ${status})` : ''}`;
  return err.code ?? err.message ?? String(e);
}
