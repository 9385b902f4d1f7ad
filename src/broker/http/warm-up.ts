// Before a configuration serves (start-up, reload): fetch every issuer's keys and connect every secret
// backend, logging each one that cannot be reached. Nothing here stops the broker: an unreachable issuer or
// backend is answered 503 until it comes back, and /readyz says whether the broker can serve at all.
import type { Logger } from 'pino';
import type { BrokerConfig } from '../config/load.js';
import { describeStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { TokenVerifier } from '../verify/token.js';

/**
 * Start-up, before listening: waits (bounded by the store's `startup_wait_seconds`) for the store while the
 * issuers' keys are fetched and the backends connected.
 */
export async function prepare(serving: { config: BrokerConfig; verifier: TokenVerifier }, store: Store, log: Logger): Promise<void> {
  const { config } = serving;
  const waitMs = config.storeStartupWaitSeconds * 1000;
  const [storeReady] = await Promise.all([store.waitReady(waitMs), warmIssuers(serving.verifier, log), warmBackends(config, log)]);
  if (!storeReady) {
    log.warn(
      { event: 'store_not_ready', store: describeStore(config.store), waited_seconds: config.storeStartupWaitSeconds },
      'the store is not reachable yet: listening anyway, /readyz answers 503 until it is',
    );
  }
}

export async function warmIssuers(verifier: TokenVerifier, log: Logger): Promise<void> {
  await Promise.all([...verifier.keys.values()].map((k) => k.warm()));
  for (const k of verifier.keys.values()) {
    const st = k.status();
    if (!st.usable) {
      log.warn({ event: 'issuer_unreachable', issuer: st.id, detail: st.lastError ?? null }, `issuer ${st.id}: its keys cannot be fetched; its tokens are answered 503 until they can`);
    }
  }
}

export async function warmBackends(config: BrokerConfig, log: Logger): Promise<void> {
  await Promise.all(
    config.backends.all().map(async (b) => {
      const problem = await b.warm();
      if (problem) log.warn({ event: 'backend_unreachable', kind: b.kind, backend: b.name, detail: problem }, `${b.kind} ${b.name}: not reachable; its secrets are answered 503 until it is`);
      else log.info({ event: 'backend_ready', kind: b.kind, backend: b.name, origin: b.origin }, `${b.kind} ${b.name}: ready`);
    }),
  );
}
