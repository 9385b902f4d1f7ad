// The hostile-input corpus (test/corpus/*.json): forged, truncated, oversized and malformed tokens, headers,
// bodies and raw HTTP, each with the status and error code the broker must answer. Run against a real
// broker over loopback; afterwards the broker must still be up and nothing secret may have leaked.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request } from 'undici';
import { leaks } from '../helpers/broker.js';
import { SECRET_VALUES, scaleConfig, startIssuers, type Issuers } from './bed.js';
import { startBed, type Bed } from '../../src/harness/bed.js';
import { expand, mintFor, rawRequest, type CorpusCase } from './corpus.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const corpus: Array<[string, CorpusCase]> = files.flatMap((f) =>
  (JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusCase[]).map((c) => [`${f.replace('.json', '')}: ${c.description}`, c] as [string, CorpusCase]),
);
const secretValues = Object.values(SECRET_VALUES);
const byCode = new Map<string, number>();

let iss: Issuers;
let b: Bed;
beforeAll(async () => {
  iss = await startIssuers();
  b = await startBed({ issuers: iss, config: scaleConfig(iss, { store: 'memory' }) });
});
afterAll(async () => {
  // The broker survived everything and still answers.
  const health = await request(`${b.url}/healthz`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
  await b.close();
  await iss.close();
  expect(leaks(b.log.join(''), secretValues)).toEqual([]);
  process.stdout.write(
    `corpus: ${corpus.length} cases from ${files.length} files; answers by code: ${JSON.stringify(Object.fromEntries([...byCode].sort()))}\n`,
  );
});

function placeholders(c: CorpusCase): CorpusCase {
  const issuerUrl = c.token?.issuer === 'gitlab' ? iss.gitlab.url : iss.github.url;
  const activeKid = (c.token?.issuer === 'gitlab' ? iss.gitlab : iss.github).activeKey().kid;
  const text = expand(JSON.stringify(c)).replaceAll('__ISSUER__', issuerUrl).replaceAll('__ACTIVE__', activeKid);
  const out = JSON.parse(text) as CorpusCase;
  // `"kid": null` in the corpus means: no kid at all.
  if (out.token?.header && out.token.header.kid === null) delete out.token.header.kid;
  return out;
}

async function send(c: CorpusCase): Promise<{ status: number; contentType: string; text: string }> {
  const token = c.token ? await mintFor(c.token, iss) : '';
  const port = Number(new URL(b.url).port);
  if (c.raw !== undefined) {
    const a = await rawRequest(port, c.raw.replaceAll('{token}', token));
    return { status: a.status, contentType: a.headers['content-type'] ?? '', text: a.text };
  }
  const headers: Record<string, string> = { accept: c.accept ?? 'application/json' };
  const auth = c.authorization === undefined ? 'Bearer {token}' : c.authorization;
  if (auth !== null) headers.authorization = auth.replaceAll('{token}', token);
  if (c.body !== undefined) headers['content-type'] = c.contentType ?? 'application/json';
  const res = await request(`${b.url}${c.path ?? '/v1/exchange'}`, { method: (c.method ?? 'POST') as 'POST', headers, body: c.body });
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), text: await res.body.text() };
}

describe('hostile-input corpus', () => {
  it('has at least 100 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  it.each(corpus)('%s', async (_name, given) => {
    const c = placeholders(given);
    if (c.expectOnNode20 && Number(process.versions.node.split('.')[0]) < 22) c.expect = c.expectOnNode20;
    const got = await send(c);
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(got.text) as Record<string, unknown>;
    } catch {
      /* text/plain answer */
    }
    const code = got.status === 200 ? 'granted' : String(json.error);
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
    expect({ status: got.status, code: got.status === 200 ? undefined : json.error }).toEqual({ status: c.expect.status, code: c.expect.code });
    if (c.expect.contentType) expect(got.contentType).toContain(c.expect.contentType);
    if (got.status !== 200) {
      expect(leaks(got.text, secretValues)).toEqual([]);
      expect(typeof json.message).toBe('string');
      return;
    }
    const names = got.contentType.startsWith('text/plain')
      ? got.text.trim().split('\n').map((l) => l.split(' ')[0])
      : Object.keys((json.secrets ?? {}) as object);
    if (c.expect.secrets) expect(names).toEqual(c.expect.secrets);
  });
});
