// The action's inputs, read from the runner's INPUT_* variables and checked all at once, so a user fixes
// every problem in one edit. Booleans are strict: a typo is an error, not a silent `false`.

export interface ActionInputs {
  brokerUrl: string;
  audience: string;
  secrets: string;
  broker: 'oidc-exchange' | 'vault';
  vaultRole: string;
  vaultAuthPath: string;
  vaultNamespace: string;
  exportEnv: boolean;
  caCertificate: string;
  timeoutSeconds: number;
  debugClaims: boolean;
  revoke: boolean;
}

export class InputError extends Error {
  readonly code = 'input_invalid';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0]! : `the inputs have ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

/** The runner's mapping: `with: { broker-url: x }` arrives as INPUT_BROKER-URL (spaces become `_`). */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const problems: string[] = [];
  const bool = (name: string, fallback: boolean): boolean => {
    const v = getInput(env, name);
    if (v === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(v)) return true;
    if (['false', 'False', 'FALSE'].includes(v)) return false;
    problems.push(`${name}: expected true or false, got ${JSON.stringify(v)}`);
    return fallback;
  };

  const brokerUrl = getInput(env, 'broker-url');
  if (brokerUrl === '') problems.push('broker-url is required: the https:// address of your oidc-exchange broker (or Vault server)');
  else if (!isHttpUrl(brokerUrl)) problems.push(`broker-url: expected an https:// (or http://) URL, got ${JSON.stringify(brokerUrl)}`);

  const broker = getInput(env, 'broker') || 'oidc-exchange';
  if (broker !== 'oidc-exchange' && broker !== 'vault') problems.push(`broker: expected oidc-exchange or vault, got ${JSON.stringify(broker)}`);

  const vaultRole = getInput(env, 'vault-role');
  if (broker === 'vault' && vaultRole === '') problems.push('vault-role is required with broker: vault (the role of your Vault JWT auth method)');
  const vaultAuthPath = (getInput(env, 'vault-auth-path') || 'jwt').replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9_.\-/]+$/.test(vaultAuthPath)) problems.push(`vault-auth-path: expected a mount path like jwt or github-actions, got ${JSON.stringify(vaultAuthPath)}`);

  const timeoutText = getInput(env, 'timeout-seconds') || '60';
  const timeoutSeconds = Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
    problems.push(`timeout-seconds: expected a number of seconds from 1 to 3600, got ${JSON.stringify(timeoutText)}`);
  }

  const inputs: ActionInputs = {
    brokerUrl,
    audience: getInput(env, 'audience') || brokerUrl,
    secrets: (env['INPUT_SECRETS'] ?? '').replace(/\r\n/g, '\n'),
    broker: broker as ActionInputs['broker'],
    vaultRole,
    vaultAuthPath,
    vaultNamespace: getInput(env, 'vault-namespace'),
    exportEnv: bool('export-env', true),
    caCertificate: getInput(env, 'ca-certificate'),
    timeoutSeconds,
    debugClaims: bool('debug-claims', false),
    revoke: bool('revoke', true),
  };
  if (problems.length) throw new InputError(problems);
  return inputs;
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** `ca-certificate` as PEM, or base64 of a PEM (what fits in a one-line secret). */
export function parseCaCertificate(text: string): string {
  if (text === '') return '';
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text.replace(/\\n/g, '\n');
  const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (decoded.includes('-----BEGIN CERTIFICATE-----')) return decoded;
  throw new InputError(['ca-certificate: expected a PEM certificate (-----BEGIN CERTIFICATE-----) or the base64 of one']);
}
