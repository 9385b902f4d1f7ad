// The broker's own TLS as the server uses it: the HTTPS options at start-up, the secure context a reload
// swaps in (a renewed certificate is served without a restart), and mutual TLS for the exchange. The
// settings are read and checked by config/tls.ts.
import type { TLSSocket } from 'node:tls';
import { BrokerError } from '../errors.js';

export interface TlsSettings {
  certFile: string;
  keyFile: string;
  clientCaFile?: string;
  /**
   * With a client CA: `exchange` (default) requires a client certificate for POST /v1/exchange only (probes,
   * metrics, GitLab's revocation client and the admin API authenticate otherwise); `all` refuses the TLS
   * handshake of any client without one.
   */
  clientAuth: 'exchange' | 'all';
  /** PEM text; absent only in a configuration loaded without reading files (`check`). */
  cert?: string;
  key?: string;
  clientCa?: string;
  /** When the served certificate expires (the metrics export it so an alert fires before). */
  notAfter?: Date;
}

/** What `setSecureContext` takes on a reload: the files' contents. */
export function secureContextOptions(t: TlsSettings): { cert: string; key: string; ca?: string } {
  return { cert: t.cert!, key: t.key!, ...(t.clientCa ? { ca: t.clientCa } : {}) };
}

/** The HTTPS server's options at start-up. */
export function httpsOptions(t: TlsSettings): Record<string, unknown> {
  return {
    ...secureContextOptions(t),
    minVersion: 'TLSv1.2',
    ...(t.clientCa ? { requestCert: true, rejectUnauthorized: t.clientAuth === 'all' } : {}),
  };
}

/** Mutual TLS for the exchange: a client certificate signed by listen.tls.client_ca (`client_auth: exchange`). */
export function checkClientCertificate(tls: TlsSettings | undefined, socket: TLSSocket, audit: { client_cert?: string }): void {
  if (!tls?.clientCa) return;
  if (!socket.authorized) {
    throw new BrokerError('client_certificate_required', 'this broker requires a client certificate signed by its client CA for exchanges (mutual TLS); configure the client with one');
  }
  const cn = socket.getPeerCertificate()?.subject?.CN;
  if (cn) audit.client_cert = Array.isArray(cn) ? cn.join(',') : cn;
}
