// What the broker's dependencies last did, for the status page: each secret backend's last value fetched or
// failed (fed by the same backend events that feed the log and the metrics, http/telemetry.ts) and the
// store's last connection error. It only records what already happens; the page never calls a backend, so
// watching the broker costs the backends nothing. Names, kinds, outcomes and the error detail the log already
// carries: never a value.
import type { BackendEvents, BackendKind } from '../sources/backend.js';

export interface BackendHealth {
  kind: BackendKind;
  name: string;
  fetched: number;
  hits: number;
  errors: number;
  /** How long the last value fetched from the backend (not from the cache) took, in ms. */
  lastFetchMs?: number;
  /**
   * Time (ms since the epoch) of the last value served (fetched or from the cache) and of the last failure: a
   * number, formatted only when the page is built (model.ts), since a cache hit records one on every exchange.
   */
  lastOkAt?: number;
  lastErrorAt?: number;
  lastError?: string;
}

export class HealthRecorder {
  private readonly backends = new Map<string, BackendHealth>();
  /** The store's last connection error, cleared when it is reachable again. */
  storeError?: { at: string; message: string };

  constructor(private readonly now: () => number = Date.now) {}

  /** `events` plus this recorder: what the broker gives every backend to report to. */
  observe(events: BackendEvents): BackendEvents {
    return {
      onFetch: (kind, backend, outcome, seconds) => {
        events.onFetch?.(kind, backend, outcome, seconds);
        const h = this.entry(kind, backend);
        if (outcome === 'error') {
          h.errors++;
          h.lastErrorAt = this.now();
          // The reason is in the exchange's own log line (exchange_failure), with the request it failed.
          h.lastError = 'a value could not be fetched; the exchange_failure log line at this time has the reason';
        } else {
          if (outcome === 'hit') h.hits++;
          else {
            h.fetched++;
            if (seconds !== undefined) h.lastFetchMs = Math.round(seconds * 1e5) / 100;
          }
          h.lastOkAt = this.now();
        }
      },
      onEvent: (level, fields, message) => {
        events.onEvent?.(level, fields, message);
        if (level === 'info' || typeof fields.backend !== 'string') return;
        const kind = typeof fields.event === 'string' && fields.event.startsWith('vault') ? 'vault' : undefined;
        const h = kind ? this.entry(kind, fields.backend) : [...this.backends.values()].find((b) => b.name === fields.backend);
        if (!h) return;
        h.lastErrorAt = this.now();
        h.lastError = typeof fields.detail === 'string' ? `${message}: ${fields.detail}` : message;
      },
    };
  }

  storeState(up: boolean, message?: string): void {
    if (up) this.storeError = undefined;
    else if (message) this.storeError = { at: this.at(), message };
  }

  /** The backend's record (absent until it reported something). */
  backend(kind: BackendKind, name: string): BackendHealth | undefined {
    return this.backends.get(`${kind}\u0000${name}`);
  }

  private entry(kind: BackendKind, name: string): BackendHealth {
    const key = `${kind}\u0000${name}`;
    let h = this.backends.get(key);
    if (!h) {
      h = { kind, name, fetched: 0, hits: 0, errors: 0 };
      this.backends.set(key, h);
    }
    return h;
  }

  private at(): string {
    return new Date(this.now()).toISOString();
  }
}
