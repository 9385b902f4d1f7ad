// The one reserved-name list: names that run code in later steps are refused in either spelling, the
// credentials this tool exists to deliver are not, and a broker-chosen name must also have the strict shape.
import { describe, expect, it } from '@jest/globals';
import { BROKER_CHOSEN_NAME, CREDENTIAL_NAMES, exportNameProblem, RESERVED, reservedBy } from '../../src/client/reserved-names.js';

describe('reserved names', () => {
  it.each([
    // found by trying: each was exported and then used by a later step
    'GIT_EXTERNAL_DIFF', 'npm_config_node_options', 'NPM_CONFIG_NODE_OPTIONS', 'GCONV_PATH',
    // named by the GitLab component issue as missing from its list
    'NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_PATH', 'JDK_JAVA_OPTIONS', 'DOTNET_STARTUP_HOOKS', 'CLASSPATH',
    'NODE_EXTRA_CA_CERTS', 'DOCKER_HOST', 'GITHUB_TOKEN',
    // named by the broker issue
    'PATH', 'GITLAB_DEPLOY_TOKEN',
    // the README's old example
    'GITHUB_APP_TOKEN',
    // spellings and families
    'http_proxy', 'Https_Proxy', 'GRPC_PROXY', 'LD_PRELOAD', 'ld_library_path', 'DYLD_INSERT_LIBRARIES', 'BASH_FUNC_x',
    'PYTHONSTARTUP', 'PERL5OPT', 'RUBYOPT', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS', 'LUA_INIT', 'PHPRC', 'GOFLAGS',
    'RUSTC_WRAPPER', 'CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_RUNNER', 'LESSOPEN', 'PSModulePath', 'XDG_CONFIG_HOME',
    'GLIBC_TUNABLES', 'CI_JOB_TOKEN', 'RUNNER_TEMP', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'INPUT_SECRETS', 'PROMPT_COMMAND',
    'PS4', 'SSLKEYLOGFILE', 'MAKEFLAGS', 'COREPACK_NPM_REGISTRY', 'PIP_INDEX_URL', 'OPENSSL_CONF', 'CURL_HOME',
    // researched for the action issue: each makes a later tool run a command, load a plugin or configuration,
    // or send its credentials elsewhere
    'KUBECONFIG', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL_S3', 'CLOUDSDK_PYTHON', 'HELM_PLUGINS',
    'TF_CLI_CONFIG_FILE', 'ANSIBLE_CONFIG', 'GH_HOST', 'GH_CONFIG_DIR', 'VIMINIT', 'EXINIT', 'LESSKEYIN', 'LESS', 'TERMINFO',
    'PSQLRC', 'HGRCPATH', 'UV_INDEX_URL', 'POETRY_REPOSITORIES_X_URL', 'NUGET_PLUGIN_PATHS', 'MSBuildExtensionsPath',
    'CMAKE_TOOLCHAIN_FILE', 'PKG_CONFIG_PATH', 'BUNDLE_PATH', 'COMPOSER_HOME', 'CARGO_REGISTRIES_X_INDEX',
    'PUPPETEER_EXECUTABLE_PATH', 'COMPOSE_FILE', 'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES', 'SUDO_EDITOR', 'FCEDIT',
    // issue 18: exported by all three clients when the job gave no secrets list; each runs or fetches code
    'GOCACHEPROG', 'BAZELISK_BASE_URL', 'CYPRESS_INSTALL_BINARY', 'AWS_PAGER', 'PSQL_PAGER', 'KUBE_EDITOR',
  ])('%s is refused', (name) => {
    expect(exportNameProblem(name)).toMatch(/is refused/);
  });

  it.each([
    'DB_PASSWORD', 'GH_TOKEN', 'NPM_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'SSH_PRIVATE_KEY', 'API_KEY',
    'TLS_KEY', 'NODE_AUTH_TOKEN', 'DOCKER_PASSWORD', 'db_password', 'CIRCLE_TOKEN', 'GITHUB', 'PATHS', 'CIA',
    'CARGO_REGISTRY_TOKEN', 'GOOGLE_APPLICATION_CREDENTIALS', 'AWS_SESSION_TOKEN', 'PGPASSWORD', 'LESSON_PLAN', 'DEPLOY_KEY_PATH',
  ])('%s may be exported', (name) => {
    expect(exportNameProblem(name)).toBeUndefined();
  });

  it('refuses names that are not shell variables, whoever chose them', () => {
    for (const name of ['', '1ABC', 'A-B', 'A B', 'A\nB', '::set-output', 'A=B', 'É']) {
      expect(exportNameProblem(name)).toMatch(/not a valid variable name/);
      expect(exportNameProblem(name, 'broker')).toMatch(/not a valid variable name/);
    }
  });

  it('a broker-chosen name must be upper case and at most 128 characters', () => {
    expect(exportNameProblem('db_password', 'broker')).toMatch(/must be upper case/);
    expect(exportNameProblem('_X', 'broker')).toMatch(/must be upper case/);
    expect(exportNameProblem('A'.repeat(129), 'broker')).toMatch(/at most 128/);
    expect(exportNameProblem('A'.repeat(128), 'broker')).toBeUndefined();
    expect(exportNameProblem('GIT_EXTERNAL_DIFF', 'broker')).toMatch(/is refused: the name is reserved/);
    expect(BROKER_CHOSEN_NAME.test('DB_PASSWORD')).toBe(true);
  });

  it('every entry of the list is upper case, so the upper-cased comparison can find it', () => {
    for (const g of RESERVED) {
      expect(g.why).not.toBe('');
      for (const n of [...(g.names ?? []), ...(g.prefixes ?? []), ...(g.suffixes ?? [])]) expect(n).toBe(n.toUpperCase());
    }
  });

  it('the credential exceptions sit under a reserved prefix (otherwise they are not exceptions)', () => {
    for (const name of CREDENTIAL_NAMES) {
      const without = RESERVED.some((g) => g.prefixes?.some((p) => name.startsWith(p)) || g.names?.includes(name));
      expect(without).toBe(true);
      expect(reservedBy(name)).toBeUndefined();
    }
  });
});
