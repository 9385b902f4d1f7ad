// The action's client certificate for a broker behind mutual TLS (inputs client-certificate, client-key,
// client-key-passphrase). The key and the passphrase are registered with the runner's masker before anything
// is read or checked, the key again once read from a file; then the pair is checked (client/client-certificate.ts)
// and bound to the broker-url origin, the only host it is presented to.
import { isPemText, keyMaskParts, loadClientCertificate, type ClientCertificate, type ClientCertificateNames } from '../client/client-certificate.js';
import type { ActionCore } from './toolkit.js';

export const CLIENT_CERTIFICATE_INPUTS: ClientCertificateNames = { cert: 'client-certificate', key: 'client-key', passphrase: 'client-key-passphrase' };

/** A certificate this close to its end gets a warning: the job after the next renewal deadline fails. */
const EXPIRY_WARNING_DAYS = 14;

/** Registers the key input (when it is PEM text) and the passphrase with the masker. Call before reading inputs. */
export function maskClientKeyInputs(core: Pick<ActionCore, 'getInput' | 'setSecret'>): void {
  const key = core.getInput('client-key');
  if (isPemText(key)) for (const part of keyMaskParts(key)) core.setSecret(part);
  const passphrase = core.getInput('client-key-passphrase');
  if (passphrase !== '') core.setSecret(passphrase);
}

/** The checked certificate the inputs name, or undefined when they name none. Throws ClientCertificateError. */
export async function actionClientCertificate(
  inputs: { brokerUrl: string; clientCertificate: string; clientKey: string; clientKeyPassphrase: string },
  core: Pick<ActionCore, 'setSecret' | 'info' | 'warning'>,
  now: () => number = Date.now,
): Promise<ClientCertificate | undefined> {
  const loaded = await loadClientCertificate({
    cert: inputs.clientCertificate,
    key: inputs.clientKey,
    passphrase: inputs.clientKeyPassphrase || undefined,
    brokerUrl: inputs.brokerUrl,
    names: CLIENT_CERTIFICATE_INPUTS,
    now,
  });
  if (!loaded) return undefined;
  // A key read from a file: registered too, in case a later step prints the file.
  for (const part of keyMaskParts(loaded.key)) core.setSecret(part);
  core.info(`oidc-exchange: presenting the client certificate ${loaded.subject} (valid until ${loaded.notAfter.toISOString()}) to ${loaded.origin}`);
  const daysLeft = (loaded.notAfter.getTime() - now()) / 86_400_000;
  if (daysLeft < EXPIRY_WARNING_DAYS) core.warning(`client-certificate expires in ${Math.max(0, Math.floor(daysLeft))} day(s), on ${loaded.notAfter.toISOString()}: renew it before the broker refuses it`);
  return loaded;
}
