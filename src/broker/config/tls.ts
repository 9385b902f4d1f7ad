// The broker's own TLS (`listen.tls`): certificate and key files, read at start-up and again on every
// reload (a renewed certificate is served without a restart), and an optional client CA for mutual TLS.
// Everything is checked when the configuration loads: the files read, the key matches the certificate, the
// certificate is not expired, so a bad renewal is refused by the reload and the old certificate keeps serving.
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { secureContextOptions, type TlsSettings } from '../http/tls.js';
import { isObject, pathFrom, type SectionContext } from './section.js';

export interface RawTls {
  cert: string;
  key: string;
  client_ca?: string;
  client_auth?: 'exchange' | 'all';
}

export async function loadTls(section: unknown, ctx: SectionContext): Promise<TlsSettings | undefined> {
  if (!isObject(section)) return undefined;
  const raw = section as unknown as RawTls;
  if (typeof raw.cert !== 'string' || typeof raw.key !== 'string') return undefined;
  const t: TlsSettings = {
    certFile: pathFrom(raw.cert, ctx),
    keyFile: pathFrom(raw.key, ctx),
    clientCaFile: typeof raw.client_ca === 'string' ? pathFrom(raw.client_ca, ctx) : undefined,
    clientAuth: raw.client_auth ?? 'exchange',
  };
  if (raw.client_auth !== undefined && t.clientCaFile === undefined) ctx.problems.push('listen.tls.client_auth: needs client_ca (the CA that signs client certificates)');
  if (!ctx.strict) return t;
  const before = ctx.problems.length;
  const read = async (path: string, at: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      ctx.problems.push(`${at}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return undefined;
    }
  };
  t.cert = await read(t.certFile, 'listen.tls.cert');
  t.key = await read(t.keyFile, 'listen.tls.key');
  if (t.clientCaFile) t.clientCa = await read(t.clientCaFile, 'listen.tls.client_ca');
  if (ctx.problems.length > before) return t;
  try {
    const cert = new X509Certificate(t.cert!);
    t.notAfter = new Date(cert.validTo);
    if (t.notAfter.getTime() < Date.now()) ctx.problems.push(`listen.tls.cert: the certificate expired on ${t.notAfter.toISOString()}`);
  } catch {
    ctx.problems.push('listen.tls.cert: is not a PEM certificate');
    return t;
  }
  try {
    createSecureContext(secureContextOptions(t));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const msg = /KEY_VALUES_MISMATCH|key values mismatch/i.test(`${code} ${(e as Error).message}`)
      ? 'listen.tls.key: does not belong to the certificate in listen.tls.cert'
      : `listen.tls: the certificate, key or client CA cannot be used (${code || 'invalid PEM'})`;
    ctx.problems.push(msg);
  }
  if (t.clientCa !== undefined) {
    try {
      new X509Certificate(t.clientCa);
    } catch {
      ctx.problems.push('listen.tls.client_ca: is not a PEM certificate');
    }
  }
  return t;
}
