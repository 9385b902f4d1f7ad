// The `secrets` input: one secret per line, checked completely (with line numbers) before anything is
// requested or exported.
//
//   NAME                       the broker's secret NAME, exported as NAME
//   NAME | ENV_NAME            exported as ENV_NAME
//   NAME | file:ENV_NAME       written to a 0600 file under RUNNER_TEMP; ENV_NAME holds its path
//   path key | ENV_NAME        (broker: vault) field `key` of the Vault secret at `path`
//
// Blank lines and lines starting with # are ignored.

export interface SecretSpec {
  /** 1-based line in the input, for messages. */
  line: number;
  /** The broker's secret name (oidc-exchange mode) or the Vault field (vault mode). */
  source: string;
  /** Vault mode: the API path after /v1/, e.g. secret/data/ci/db. */
  vaultPath?: string;
  /** The name the value is exported under (env variable and step output). */
  exportName: string;
  /** Write the value to a file and export its path instead of the value. */
  asFile: boolean;
}

export class SecretSpecError extends Error {
  readonly code = 'secrets_invalid';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`the secrets input has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was requested or exported:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SecretSpecError';
    this.problems = problems;
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// Variables that change how later steps, shells, runtimes or the runner itself behave. A secret exported
// under one of these names could run code or redirect traffic in every later step of the job.
const DENIED = new Set([
  'PATH', 'ENV', 'BASH_ENV', 'SHELL', 'SHELLOPTS', 'BASHOPTS', 'IFS', 'PS4', 'PROMPT_COMMAND', 'CDPATH', 'HOME', 'TMPDIR', 'CI',
  'NODE_OPTIONS', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS', 'NODE_TLS_REJECT_UNAUTHORIZED',
  'PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONHOME', 'PERL5OPT', 'PERL5LIB', 'PERLLIB', 'RUBYOPT', 'RUBYLIB', 'GEM_HOME', 'GEM_PATH',
  'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'JDK_JAVA_OPTIONS', 'CLASSPATH', 'DOTNET_STARTUP_HOOKS',
  'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_ASKPASS', 'SSH_ASKPASS', 'GIT_EXEC_PATH', 'GIT_TEMPLATE_DIR', 'GIT_PROXY_COMMAND', 'EDITOR', 'VISUAL', 'PAGER',
  'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE',
  'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'LANG', 'TZ',
]);
const DENIED_PREFIXES = ['LD_', 'DYLD_', 'GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'GIT_CONFIG', 'BASH_FUNC_'];

/** Why a name cannot be exported, or undefined when it can. */
export function exportNameProblem(name: string): string | undefined {
  if (!NAME.test(name)) return `${JSON.stringify(name)} is not a valid variable name (letters, digits and _, not starting with a digit)`;
  const upper = name.toUpperCase();
  if (DENIED.has(upper)) return `${name} is refused: exporting a secret as ${upper} would change how every later step runs; choose another name with "| OTHER_NAME"`;
  const prefix = DENIED_PREFIXES.find((p) => upper.startsWith(p));
  if (prefix) return `${name} is refused: names starting with ${prefix} belong to the runner, the toolchain or the loader; choose another name with "| OTHER_NAME"`;
  return undefined;
}

export function parseSecretSpecs(text: string, mode: 'oidc-exchange' | 'vault'): SecretSpec[] {
  const specs: SecretSpec[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const parts = trimmed.split('|').map((p) => p.trim());
    if (parts.length > 2) return void problems.push(`line ${line}: more than one "|"; expected ${mode === 'vault' ? '"path key | ENV_NAME"' : '"NAME" or "NAME | ENV_NAME"'}`);
    const [left, right] = parts as [string, string | undefined];
    let spec: SecretSpec;
    if (mode === 'vault') {
      const words = left.split(/\s+/);
      if (words.length !== 2) return void problems.push(`line ${line}: expected "path key | ENV_NAME" (a Vault path, a space, the field), got ${JSON.stringify(left)}`);
      const [path, key] = words as [string, string];
      if (!/^[A-Za-z0-9_.\-/]+$/.test(path) || path.includes('..')) return void problems.push(`line ${line}: ${JSON.stringify(path)} is not a Vault path like secret/data/ci/db`);
      spec = { line, source: key, vaultPath: path.replace(/^\/+/, ''), exportName: key.toUpperCase().replace(/[^A-Z0-9_]/g, '_'), asFile: false };
    } else {
      if (!NAME.test(left)) return void problems.push(`line ${line}: ${JSON.stringify(left)} is not a secret name (letters, digits and _)`);
      spec = { line, source: left, exportName: left, asFile: false };
    }
    if (right !== undefined) {
      if (right === '') return void problems.push(`line ${line}: nothing after "|"; write the variable name to export, or remove the "|"`);
      const file = /^file:\s*(.*)$/.exec(right);
      spec.asFile = file !== null;
      spec.exportName = file ? file[1]! : right;
    }
    const problem = exportNameProblem(spec.exportName);
    if (problem) return void problems.push(`line ${line}: ${problem}`);
    const earlier = seen.get(spec.exportName);
    if (earlier !== undefined) return void problems.push(`line ${line}: ${spec.exportName} is already exported by line ${earlier}`);
    seen.set(spec.exportName, line);
    specs.push(spec);
  });
  if (mode === 'vault' && specs.length === 0 && problems.length === 0) problems.push('with broker: vault, list at least one "path key | ENV_NAME" line');
  if (problems.length) throw new SecretSpecError(problems);
  return specs;
}
