// A broker behind mutual TLS for every connection (`listen.tls.client_auth: all`), with an openssl-made CA,
// and the client-side files the clients' tests present to it: the right certificate and key, a certificate
// from another CA, a key that belongs to another certificate, and a file that cannot be read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePki } from '../broker/pki.js';

export interface MtlsFiles {
  dir: string;
  /** The CA that signs the broker's certificate and the accepted client certificates (PEM, and its file). */
  caCert: string;
  caFile: string;
  /** The listen section of a broker refusing every handshake without a certificate from that CA. */
  listen: Record<string, unknown>;
  client: { cert: string; key: string; certFile: string; keyFile: string };
  /** A client certificate (and its own key) from a CA the broker does not know. */
  stranger: { cert: string; key: string; certFile: string; keyFile: string };
  /** A path that names no file (the tests run as root too, where a mode 000 file is still readable). */
  unreadableFile: string;
  close(): void;
}

export function makeMtlsFiles(prefix = 'oidcx-mtls-'): MtlsFiles {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const pki = makePki(dir);
  const other = makePki(dir, 'other-ca');
  const server = pki.issue('server', { server: true, cn: 'broker' });
  const client = pki.issue('client', { cn: 'ci-runner' });
  const stranger = other.issue('stranger', { cn: 'stranger' });
  const unreadableFile = join(dir, 'gone', 'client.key');
  return {
    dir,
    caCert: pki.caCert,
    caFile: join(dir, 'ca.crt'),
    listen: { tls: { cert: server.certFile, key: server.keyFile, client_ca: join(dir, 'ca.crt'), client_auth: 'all' } },
    client,
    stranger,
    unreadableFile,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The base64 body lines of a PEM key: what must never appear in any output. */
export function keyBodyLines(pem: string): string[] {
  return pem.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'));
}
