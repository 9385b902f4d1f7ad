// Turns a hostile-input case from test/corpus/*.json into bytes on the wire. A case names how its token is
// minted (claims, header, signing key) and how it is then damaged (`transform`), so the corpus stays
// readable data while every token in it is fresh and signed by the test's own fake issuers.
import { createHmac } from 'node:crypto';
import { Socket } from 'node:net';
import { SignJWT, type CryptoKey } from 'jose';
import type { FakeIssuer, SigningKey } from '../../src/harness/fakes/issuer.js';

export interface CorpusCase {
  description: string;
  token?: {
    issuer?: 'github' | 'gitlab';
    /** Job fields for claimsFor (e.g. { "ref": "refs/heads/dev" }). */
    job?: Record<string, unknown>;
    claims?: Record<string, unknown>;
    omit?: string[];
    header?: Record<string, unknown>;
    ttl?: number;
    shift?: number;
    audience?: string | string[];
    /** Sign with a key the issuer never published. */
    stray?: boolean;
    /** Sign with the other issuer's key (kid and all). */
    crossKey?: boolean;
    transform?: string;
  };
  /** Authorization header; "{token}" is replaced by the minted token. Default "Bearer {token}". null: none. */
  authorization?: string | null;
  body?: string;
  /** "{repeat:N:S}" in body or authorization expands to S repeated N times. */
  contentType?: string;
  accept?: string;
  method?: string;
  path?: string;
  /** A whole raw HTTP request (CRLF line ends written as \r\n in the JSON); "{token}" allowed. */
  raw?: string;
  /** The answer on the Node versions the broker supports (22 and later). */
  expect: { status: number; code?: string; secrets?: string[]; contentType?: string };
  /**
   * The answer where Node 20 (end of life, still this machine's node) parses the request differently; the
   * source tier runs on Node 20 here and on 24 in the mutation runs and node-version checks.
   */
  expectOnNode20?: { status: number; code?: string; secrets?: string[]; contentType?: string };
}

export interface CorpusIssuers {
  github: FakeIssuer;
  gitlab: FakeIssuer;
}

const b64 = (v: string | Buffer) => Buffer.from(v).toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

export function expand(text: string): string {
  return text.replace(/\{repeat:(\d+):([^}]*)\}/g, (_m, n: string, s: string) => s.repeat(Number(n)));
}

export async function mintFor(c: NonNullable<CorpusCase['token']>, iss: CorpusIssuers): Promise<string> {
  const issuer = c.issuer === 'gitlab' ? iss.gitlab : iss.github;
  const other = c.issuer === 'gitlab' ? iss.github : iss.gitlab;
  let key: SigningKey | undefined;
  if (c.stray) key = await issuer.strayKey();
  if (c.crossKey) key = other.activeKey();
  const claims = { ...issuer.claimsFor(c.job as never), ...(c.claims ?? {}) };
  const token = await issuer.mint(claims, {
    omit: c.omit,
    header: c.header,
    ttlSeconds: c.ttl,
    shiftSeconds: c.shift,
    audience: c.audience,
    key,
  });
  return c.transform ? transform(token, c.transform, issuer, other) : token;
}

/** Damage a valid token in one named way (the corpus's vocabulary of attacks). */
export async function transform(token: string, spec: string, issuer: FakeIssuer, other: FakeIssuer): Promise<string> {
  const [name, ...rest] = spec.split(':');
  const arg = rest.join(':');
  const [h, p, s] = token.split('.') as [string, string, string];
  const header = JSON.parse(unb64(h)) as Record<string, unknown>;
  const payload = JSON.parse(unb64(p)) as Record<string, unknown>;
  switch (name) {
    case 'truncate':
      return token.slice(0, token.length - Number(arg));
    case 'keep_parts':
      return token.split('.').slice(0, Number(arg)).join('.');
    case 'drop_signature':
      return `${h}.${p}.`;
    case 'append':
      return token + arg;
    case 'prepend':
      return arg + token;
    case 'alg_none':
      return `${b64(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${p}.`;
    case 'alg_none_keep_sig':
      return `${b64(JSON.stringify({ ...header, alg: 'none' }))}.${p}.${s}`;
    case 'set_alg':
      return `${b64(JSON.stringify({ ...header, alg: arg }))}.${p}.${s}`;
    case 'hs256_with_public_key': {
      // The classic confusion attack: HMAC keyed with the issuer's public key material.
      const h2 = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: header.kid }));
      const mac = createHmac('sha256', JSON.stringify(issuer.activeKey().publicJwk)).update(`${h2}.${p}`).digest();
      return `${h2}.${p}.${b64(mac)}`;
    }
    case 'edit_payload':
      return `${h}.${b64(JSON.stringify({ ...payload, ...(JSON.parse(arg) as object) }))}.${s}`;
    case 'edit_header':
      return `${b64(JSON.stringify({ ...header, ...(JSON.parse(arg) as object) }))}.${p}.${s}`;
    case 'raw_payload':
      return `${h}.${b64(arg)}.${s}`;
    case 'raw_header':
      return `${b64(arg)}.${p}.${s}`;
    case 'flip_signature': {
      const i = Math.floor(s.length / 2);
      return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
    }
    case 'signature_of_other_token': {
      const t2 = await issuer.mint();
      return `${h}.${p}.${t2.split('.')[2]}`;
    }
    case 'payload_of_other_issuer': {
      const t2 = await other.mint();
      return `${h}.${t2.split('.')[1]}.${s}`;
    }
    case 'standard_base64':
      return token
        .split('.')
        .map((part) => Buffer.from(part, 'base64url').toString('base64'))
        .join('.');
    case 'insert':
      return token.slice(0, Number(rest[0])) + rest.slice(1).join(':') + token.slice(Number(rest[0]));
    case 'resign_with_stray': {
      const stray = await issuer.strayKey();
      return sign({ ...payload, ...(arg ? (JSON.parse(arg) as object) : {}) }, { ...header }, stray.privateKey);
    }
    case 'twice':
      return `${token}.${token}`;
    default:
      throw new Error(`unknown transform ${spec}`);
  }
}

function sign(payload: Record<string, unknown>, header: Record<string, unknown>, key: CryptoKey): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(key);
}

export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

/** Writes a raw request and reads the answer up to the end of its body (Content-Length) or the close. */
export function rawRequest(port: number, text: string, timeoutMs = 5000): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const sock = new Socket();
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('no answer to the raw request'));
    }, timeoutMs);
    const finish = () => {
      const at = buf.indexOf('\r\n\r\n');
      if (at < 0) return false;
      const head = buf.subarray(0, at).toString('latin1').split('\r\n');
      const status = Number(head[0]!.split(' ')[1]);
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const len = Number(headers['content-length'] ?? NaN);
      const body = buf.subarray(at + 4);
      if (!Number.isNaN(len) && body.length < len) return false;
      clearTimeout(timer);
      sock.destroy();
      resolve({ status, headers, text: body.toString('utf8') });
      return true;
    };
    sock.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      finish();
    });
    sock.on('close', () => {
      if (!finish()) {
        clearTimeout(timer);
        reject(new Error(`connection closed without a complete answer: ${JSON.stringify(buf.toString('latin1').slice(0, 200))}`));
      }
    });
    sock.on('error', () => undefined);
    sock.connect(port, '127.0.0.1', () => sock.write(Buffer.from(text, 'latin1')));
  });
}
