// The action's inputs, read with @actions/core and checked all at once, so a user fixes every problem in one
// edit. Booleans are strict (the toolkit's YAML 1.2 core schema): a typo is an error, not a silent `false`.
// broker-url must be https:// unless it is this machine: the job's token and secrets travel over it.
import { CLIENT_CERTIFICATE_INPUTS } from './client-certificate.js';
import { incompleteProblem } from '../client/client-certificate.js';
import { ACTION_WORDS, DEFAULT_ALLOW_NAMES, parseAllowNames } from '../client/name-choice.js';
import { cleartextProblem } from '../client/url.js';
import type { ActionCore } from './toolkit.js';

export interface ActionInputs {
  brokerUrl: string;
  audience: string;
  secrets: string;
  broker: 'oidc-exchange' | 'vault';
  vaultRole: string;
  vaultAuthPath: string;
  vaultNamespace: string;
  exportEnv: boolean;
  /** With no `secrets` list: export every name the policy grants that `allow-names` allows (name-choice.ts). */
  exportAll: boolean;
  allowNames: string[];
  caCertificate: string;
  /** Mutual TLS: PEM text or a file path each (checked and loaded by client-certificate.ts). */
  clientCertificate: string;
  clientKey: string;
  clientKeyPassphrase: string;
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

/** How inputs are read: @actions/core's getInput and getBooleanInput (the runner's INPUT_* variables). */
export type InputReader = Pick<ActionCore, 'getInput' | 'getBooleanInput'>;

/**
 * The fallbacks below apply only when an input is empty: the runner passes action.yml's `default` for every
 * input the workflow omits, and a test holds each fallback equal to that default.
 */
export function readInputs(core: InputReader): ActionInputs {
  const problems: string[] = [];
  const bool = (name: string, fallback: boolean): boolean => {
    const v = core.getInput(name);
    if (v === '') return fallback;
    try {
      return core.getBooleanInput(name);
    } catch {
      problems.push(`${name}: expected true or false, got ${JSON.stringify(v)}`);
      return fallback;
    }
  };

  const brokerUrl = core.getInput('broker-url');
  if (brokerUrl === '') problems.push('broker-url is required: the https:// address of your oidc-exchange broker (or Vault server)');
  else {
    const problem = cleartextProblem(brokerUrl);
    if (problem) problems.push(problem);
  }

  const broker = core.getInput('broker') || 'oidc-exchange';
  if (broker !== 'oidc-exchange' && broker !== 'vault') problems.push(`broker: expected oidc-exchange or vault, got ${JSON.stringify(broker)}`);

  const vaultRole = core.getInput('vault-role');
  if (broker === 'vault' && vaultRole === '') problems.push('vault-role is required with broker: vault (the role of your Vault JWT auth method)');
  const vaultAuthPath = (core.getInput('vault-auth-path') || 'jwt').replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9_.\-/]+$/.test(vaultAuthPath) || vaultAuthPath.split('/').includes('..')) problems.push(`vault-auth-path: expected a mount path like jwt or github-actions, got ${JSON.stringify(vaultAuthPath)}`);

  const timeoutText = core.getInput('timeout-seconds') || '60';
  const timeoutSeconds = Number(timeoutText);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
    problems.push(`timeout-seconds: expected a number of seconds from 1 to 3600, got ${JSON.stringify(timeoutText)}`);
  }

  const allow = parseAllowNames(core.getInput('allow-names') || DEFAULT_ALLOW_NAMES, ACTION_WORDS);
  problems.push(...allow.problems);

  const clientCertificate = core.getInput('client-certificate');
  const clientKey = core.getInput('client-key');
  const certProblem = incompleteProblem(clientCertificate, clientKey, CLIENT_CERTIFICATE_INPUTS);
  if (certProblem) problems.push(`${certProblem} (client_certificate_incomplete)`);

  const inputs: ActionInputs = {
    brokerUrl,
    audience: core.getInput('audience') || brokerUrl,
    // Kept as written (not trimmed, blank lines kept) so problems name the line the user wrote.
    secrets: core.getInput('secrets', { trimWhitespace: false }).replace(/\r\n/g, '\n'),
    broker: broker as ActionInputs['broker'],
    vaultRole,
    vaultAuthPath,
    vaultNamespace: core.getInput('vault-namespace'),
    exportEnv: bool('export-env', true),
    exportAll: bool('export-all', false),
    allowNames: allow.patterns,
    caCertificate: core.getInput('ca-certificate'),
    clientCertificate,
    clientKey,
    clientKeyPassphrase: core.getInput('client-key-passphrase'),
    timeoutSeconds,
    debugClaims: bool('debug-claims', false),
    revoke: bool('revoke', true),
  };
  if (problems.length) throw new InputError(problems);
  return inputs;
}

/** `ca-certificate` as PEM, or base64 of a PEM (what fits in a one-line secret). */
export function parseCaCertificate(text: string): string {
  if (text === '') return '';
  if (text.includes('-----BEGIN CERTIFICATE-----')) return text.replace(/\\n/g, '\n');
  const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (decoded.includes('-----BEGIN CERTIFICATE-----')) return decoded;
  throw new InputError(['ca-certificate: expected a PEM certificate (-----BEGIN CERTIFICATE-----) or the base64 of one']);
}
