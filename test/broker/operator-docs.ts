// The broker's operator docs (deploy.md, revocation.md, broker-api.md, github-app.md) as a newcomer copies
// them: their blocks, and the minimal configuration a `fragment` block is wrapped in. Read by docs.test.ts (on the
// sources) and schema.dist.test.ts (against the published JSON Schema).
import { blocksOf } from '../helpers/docs.js';

export const DOCS = ['docs/deploy.md', 'docs/revocation.md', 'docs/broker-api.md', 'docs/github-app.md'];
export const blocks = DOCS.flatMap(blocksOf);

/**
 * What a fragment is wrapped in: an audience, the GitHub issuer and one policy granting one secret. A fragment's
 * own sections replace these; its `secrets` are added to the base secret.
 */
export function wrap(fragment: Record<string, unknown>): Record<string, unknown> {
  const base: Record<string, unknown> = {
    audience: 'https://broker.example.com',
    issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com' }],
    secrets: { DOC_BASE: { value: 'x' } },
    policies: [{ name: 'doc-base', issuer: 'github', claims: { repository: 'octo-org/octo-repo' }, secrets: ['DOC_BASE'] }],
  };
  return { ...base, ...fragment, secrets: { ...(base.secrets as object), ...((fragment.secrets as object) ?? {}) } };
}

