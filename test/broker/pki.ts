// A throwaway PKI made with the real openssl command: a CA, server certificates for 127.0.0.1 and a client
// certificate, written to a folder, for the TLS and mutual-TLS tests.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Pki {
  dir: string;
  caCert: string;
  /** Issue a certificate signed by this CA: files `<name>.crt` and `<name>.key` in `dir`. */
  issue(name: string, opts?: { server?: boolean; cn?: string; days?: number }): { cert: string; key: string; certFile: string; keyFile: string };
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

export function makePki(dir: string, caName = 'ca'): Pki {
  openssl(dir, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${caName}.key`, '-out', `${caName}.crt`, '-days', '2', '-subj', `/CN=oidc-exchange test ${caName}`]);
  return {
    dir,
    caCert: readFileSync(join(dir, `${caName}.crt`), 'utf8'),
    issue(name, opts = {}) {
      const ext = join(dir, `${name}.ext`);
      writeFileSync(
        ext,
        opts.server
          ? 'basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'
          : 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n',
      );
      openssl(dir, ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${opts.cn ?? name}`]);
      openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${caName}.crt`, '-CAkey', `${caName}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', String(opts.days ?? 2), '-extfile', ext]);
      return {
        cert: readFileSync(join(dir, `${name}.crt`), 'utf8'),
        key: readFileSync(join(dir, `${name}.key`), 'utf8'),
        certFile: join(dir, `${name}.crt`),
        keyFile: join(dir, `${name}.key`),
      };
    },
  };
}
