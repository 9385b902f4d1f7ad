// The OpenAPI document as a broker serves it, built without listening: what scripts/openapi.mjs writes to
// docs/openapi.json and the freshness test compares with the committed file. The document depends on the
// routes only, never on a configuration, so any configuration that loads gives the same one.
import { Writable } from 'node:stream';
import { buildConfig } from '../config/load.js';
import { buildBroker } from './app.js';

/** The document, as JSON text with a final newline (the committed file's exact bytes). */
export async function openApiDocument(): Promise<string> {
  const config = await buildConfig(
    {
      audience: 'https://broker.example',
      issuers: [{ id: 'github', issuer: 'https://token.actions.githubusercontent.com', kind: 'github' }],
      secrets: { S: { value: 'unused' } },
      policies: [{ name: 'p', issuer: 'github', claims: { repository: 'o/r' }, secrets: ['S'] }],
    },
    'openapi.yaml',
    { env: {}, checkSources: false },
  );
  const broker = buildBroker(config, { logStream: new Writable({ write: (_c, _e, cb) => cb() }) });
  try {
    await broker.app.ready();
    return `${JSON.stringify(broker.app.swagger(), null, 2)}\n`;
  } finally {
    await broker.shutdown();
  }
}
