// The job summary: which names were delivered, how, under which policy and until when, for which job. Never
// a value. The policy name and expiry come from the broker and are written as escaped text (summary-text.ts).
import type { Delivery } from './export.js';
import type { JobContext } from './job-context.js';
import { summaryText } from './summary-text.js';

export interface SummaryInfo {
  source: string;
  policy: string;
  expiresAt: string | null;
  exportEnv: boolean;
  job?: JobContext;
}

export function summaryMarkdown(deliveries: Delivery[], info: SummaryInfo): string {
  const how = (d: Delivery) => (d.spec.asFile ? 'file (path exported)' : info.exportEnv ? 'env + output' : 'output');
  // Names passed the name checks before export (letters, digits, _): safe in a code span. A Vault field is
  // whatever the workflow wrote, so it is escaped.
  const secret = (d: Delivery) => (d.spec.vaultPath ? summaryText(`${d.spec.vaultPath} ${d.spec.source}`) : `\`${d.spec.source}\``);
  const rows = deliveries.map((d) => `| \`${d.spec.exportName}\` | ${secret(d)} | ${how(d)} |`);
  const expires = info.expiresAt === null ? 'not set by the broker' : Number.isNaN(Date.parse(info.expiresAt)) ? `${summaryText(info.expiresAt)} (not a date)` : summaryText(info.expiresAt);
  const job = info.job?.repository ? [`Job: ${summaryText(info.job.repository)}${info.job.runUrl ? `, [this run](${encodeURI(info.job.runUrl)})` : ''}`, ''] : [];
  return [
    `### oidc-exchange: ${deliveries.length} secret${deliveries.length === 1 ? '' : 's'} from ${info.source}`,
    '',
    ...job,
    `Policy: ${summaryText(info.policy)} · expires: ${expires}`,
    '',
    '| exported as | secret | delivered as |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
