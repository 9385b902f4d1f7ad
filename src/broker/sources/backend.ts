// What every secret backend (Vault, AWS Secrets Manager, age-encrypted files) shares: a name and kind for
// logs and metrics, a warm-up at start-up and reload, events the broker turns into log lines and metrics, and
// the one error an exchange gets when a backend cannot deliver (503, the token is not spent).
import { BrokerError } from '../errors.js';

export type BackendKind = 'vault' | 'aws_secrets_manager' | 'age';

export interface BackendEvents {
  /** One value asked of the backend: served from the cache, fetched (and how long that took), or failed. */
  onFetch?(kind: BackendKind, backend: string, outcome: 'hit' | 'fetched' | 'error', seconds?: number): void;
  /** Something the operator should see (a login, a renewal, a failure); never a secret. */
  onEvent?(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string): void;
}

export interface SecretBackend {
  readonly kind: BackendKind;
  readonly name: string;
  /** Where it is, for logs (never a credential). */
  readonly origin: string;
  /** Connects (and authenticates) before the first exchange needs it: the problem, or undefined when fine. */
  warm(): Promise<string | undefined>;
  observe(events: BackendEvents): void;
  /** Stops timers (token renewal) and connections; called when a reload retires this backend. */
  close(): Promise<void>;
}

/** The exchange's answer when a backend cannot deliver: 503, the detail for the broker's log only. */
export function backendUnavailable(secret: string, detail: string): BrokerError {
  return new BrokerError('secret_unavailable', `secret ${secret} is not available on the broker right now; retry later (its operator has been told)`, {
    detail,
    retryAfter: 5,
  });
}

/** A field of a structured secret (a Vault KV entry, a JSON secret string, a YAML file), looked up safely. */
export function fieldOf(doc: unknown, field: string, where: string): string {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error(`${where} is not a mapping of fields`);
  // Object.hasOwn: a field named "toString" or "__proto__" is a missing field, not an inherited function.
  if (!Object.hasOwn(doc, field)) throw new Error(`${where} has no field ${JSON.stringify(field)}`);
  const v = (doc as Record<string, unknown>)[field];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(`${where} field ${JSON.stringify(field)} is not a string`);
}
