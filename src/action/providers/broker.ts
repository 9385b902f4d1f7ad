// The oidc-exchange broker as the action's secret provider: ask for the names the `secrets` input lists (or,
// with no list, everything the policy grants) and, once the values are masked, keep for the post step the
// tokens the broker says can be revoked, where the post step may send them.
import { exchangeWithBroker } from '../../client/broker.js';
import { ExchangeError, peerText } from '../../client/errors.js';
import type { Delivery } from '../export.js';
import type { SecretSpec } from '../secret-spec.js';
import { revocationBase, type RevokeTarget } from '../state.js';
import type { ProviderContext, SecretProvider } from './provider.js';

export function brokerProvider(ctx: ProviderContext): SecretProvider {
  const { inputs, core } = ctx;
  return {
    source: 'the broker',
    aboutClaims: (e) => e.status === 401 || e.status === 403,
    async fetch(specs, getToken) {
      const wanted = specs.length ? [...new Set(specs.map((s) => s.source))] : undefined;
      const r = await exchangeWithBroker({ brokerUrl: inputs.brokerUrl, getToken, secretNames: wanted, http: ctx.http, retry: ctx.retry });
      return {
        values: Object.entries(r.secrets).map(([name, value]) => ({ name, value })),
        policy: r.policy,
        // The policy name is the broker's text: shown quoted, as every peer string is.
        policyShown: peerText(r.policy),
        expiresAt: r.expiresAt,
        claims: r.claims,
        settle() {
          // Revocation is kept only where the post step may send a token: GitHub's API or the broker's host.
          const targets: RevokeTarget[] = [];
          const receivedAt = Date.now();
          for (const entry of r.revoke) {
            const target = revocationBase(entry, { brokerUrl: inputs.brokerUrl, githubApiUrl: ctx.job.apiUrl });
            if ('problem' in target) core.warning(`${peerText(entry.name, 130)} will not be revoked at the end of the job: ${target.problem}`);
            else targets.push({ name: entry.name, apiBase: target.apiBase, token: r.secrets[entry.name]!, receivedAt });
          }
          ctx.post.keepRevocable(targets);
          const deliveries = deliveriesFor(specs, r.secrets);
          if (r.attempts > 1) core.info(`exchange succeeded on attempt ${r.attempts}`);
          return deliveries;
        },
      };
    },
  };
}

/** Pairs each requested line with its value; with no `secrets` input, everything the broker sent, by its own name. */
function deliveriesFor(specs: SecretSpec[], secrets: Record<string, string>): Delivery[] {
  if (specs.length === 0) {
    return Object.entries(secrets).map(([name, value], i) => ({ spec: { line: i + 1, source: name, exportName: name, asFile: false }, value }));
  }
  const missing = specs.filter((s) => !(s.source in secrets));
  if (missing.length) {
    throw new ExchangeError('broker_answer_invalid', `the broker's answer lacks ${missing.map((s) => `${s.source} (line ${s.line})`).join(', ')}`);
  }
  return specs.map((spec) => ({ spec, value: secrets[spec.source]! }));
}
