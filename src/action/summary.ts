// The job summary: which names were delivered, how, under which policy and until when. Never a value.
import type { Delivery } from './export.js';

export function summaryMarkdown(deliveries: Delivery[], info: { source: string; policy: string; expiresAt: string | null; exportEnv: boolean }): string {
  const how = (d: Delivery) => (d.spec.asFile ? 'file (path exported)' : info.exportEnv ? 'env + output' : 'output');
  const rows = deliveries.map((d) => `| \`${d.spec.exportName}\` | \`${d.spec.vaultPath ? `${d.spec.vaultPath} ${d.spec.source}` : d.spec.source}\` | ${how(d)} |`);
  return [
    `### oidc-exchange: ${deliveries.length} secret${deliveries.length === 1 ? '' : 's'} from ${info.source}`,
    '',
    `Policy: \`${info.policy}\` · expires: ${info.expiresAt ?? 'not set by the broker'}`,
    '',
    '| exported as | secret | delivered as |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
