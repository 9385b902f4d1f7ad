// The OpenAPI document as a broker serves it (one listening on a loopback port for the moment it takes): what
// scripts/openapi.mjs writes to docs/openapi.json and the freshness test compares with the committed file. The
// document depends on the routes only, never on a configuration, so any configuration that loads gives the same.
import { Writable } from 'node:stream';
import { buildConfig } from '../config/load.js';
import { buildBroker } from './app.js';
import { OPENAPI_PATH } from './openapi.js';

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
    // Asked for as a client does, on a loopback port of its own.
    const url = await broker.app.listen({ host: '127.0.0.1', port: 0 });
    const served = await fetch(`${url}${OPENAPI_PATH}`);
    const body = await served.text();
    if (served.status !== 200) throw new Error(`GET ${OPENAPI_PATH} answered ${served.status}: ${body}`);
    return `${JSON.stringify(JSON.parse(body), null, 2)}\n`;
  } finally {
    await broker.shutdown();
  }
}
