#!/usr/bin/env node
// CI only (.github/workflows/ci.yml, job `action`): a stand-in for GitHub's App API in front of the broker, so
// the action's post step can be seen revoking a GitHub token on GitHub's own runners. The action revokes only
// on the broker's host or the job's real GitHub API, so this one origin serves both: the few App endpoints
// the broker calls (installation lookup, token creation) and `DELETE /installation/token`, and it passes
// every other request on to the broker. `GET /_ci/tokens` says how many tokens were minted and how many are
// still alive (never a token). It writes a fresh RSA key for the broker's `github_apps` entry before it
// listens, and trusts any app JWT: the broker's side of GitHub is tested against the harness, not here.
//
//   node .github/ci/github-api-stand-in.mjs --port 8787 --broker-port 8788 --key-file DIR/app.pem
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'broker-port': { type: 'string' }, 'key-file': { type: 'string' } }, strict: true });
if (!values.port || !values['broker-port'] || !values['key-file']) {
  console.error('usage: github-api-stand-in.mjs --port N --broker-port N --key-file FILE');
  process.exit(2);
}
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(values['key-file'], privateKey.export({ type: 'pkcs1', format: 'pem' }), { mode: 0o600 });

/** Every token minted here: true while alive. */
const tokens = new Map();

function answer(res, status, body) {
  res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function bearer(req) {
  return /^(?:token|bearer) (\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

function github(req, res) {
  const path = new URL(req.url, 'http://stand-in').pathname;
  if (req.method === 'GET' && /^\/(orgs|users)\/[^/]+\/installation$|^\/repos\/[^/]+\/[^/]+\/installation$/.test(path)) {
    return bearer(req) ? answer(res, 200, { id: 1 }) : answer(res, 401, { message: 'Bad credentials' });
  }
  if (req.method === 'POST' && path === '/app/installations/1/access_tokens') {
    if (!bearer(req)) return answer(res, 401, { message: 'Bad credentials' });
    const token = `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
    tokens.set(token, true);
    return answer(res, 201, { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: { contents: 'read' } });
  }
  if (req.method === 'DELETE' && path === '/installation/token') {
    const token = bearer(req);
    if (!token || !tokens.get(token)) return answer(res, 401, { message: 'Bad credentials' });
    tokens.set(token, false);
    return answer(res, 204);
  }
  if (req.method === 'GET' && path === '/_ci/tokens') {
    return answer(res, 200, { minted: tokens.size, alive: [...tokens.values()].filter(Boolean).length });
  }
  return undefined;
}

const server = createServer((req, res) => {
  if (github(req, res) !== undefined || res.headersSent) return;
  // Anything else is the broker's.
  const upstream = request({ host: '127.0.0.1', port: Number(values['broker-port']), method: req.method, path: req.url, headers: req.headers }, (answerFromBroker) => {
    res.writeHead(answerFromBroker.statusCode ?? 502, answerFromBroker.headers);
    answerFromBroker.pipe(res);
  });
  upstream.on('error', () => answer(res, 502, { error: 'broker_unreachable' }));
  req.pipe(upstream);
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`github-api-stand-in: listening on http://127.0.0.1:${values.port}, broker on port ${values['broker-port']}`));
