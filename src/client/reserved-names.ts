// The one list of variable names no secret may be exported under, shared by every part that exports or
// grants a name: the GitHub Action, the generic client (`oidc-exchange exchange`), the broker's config check
// and, generated from this file at build time, the GitLab component's shell script. Keep this file free of
// imports: the build step that generates the shell list loads it on its own.
//
// A name is reserved when a later step, shell, loader, runtime, package manager or the CI runner itself reads
// it to decide what code to run, where to fetch code or certificates from, or where its own state lives. A
// secret exported under such a name runs the broker's (or a leaked secret's) text as code in every later step
// of the job. Names are compared upper-cased: Linux variables are case-sensitive, but many tools read either
// spelling (npm reads `npm_config_*` and `NPM_CONFIG_*`, curl `http_proxy` and `HTTP_PROXY`), and Windows
// runners ignore case altogether.

/** A portable shell variable name: what a user may write in a `secrets` line. */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A name the broker may choose on its own (no `secrets` list given): upper case, a letter first, at most 128
 * characters. Lower-case names are refused so a broker cannot reach tools that read lower-case variables only
 * (`npm_config_*`, `http_proxy`) by a spelling the deny rules would otherwise have to anticipate.
 */
export const BROKER_CHOSEN_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;

export interface ReservedGroup {
  /** Why the names in this group are reserved, for the error message. */
  readonly why: string;
  /** Exact names (upper case). */
  readonly names?: readonly string[];
  /** Name prefixes (upper case). */
  readonly prefixes?: readonly string[];
  /** Name suffixes (upper case). */
  readonly suffixes?: readonly string[];
}

export const RESERVED: readonly ReservedGroup[] = [
  {
    why: 'the CI runner and its toolkit read it',
    names: ['CI'],
    prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_', 'CI_', 'GITLAB_', 'FF_', 'OIDC_EXCHANGE_', '_OE_'],
  },
  {
    why: 'the shell reads it to run code, find commands or split words',
    names: [
      'PATH', 'ENV', 'SHELL', 'SHELLOPTS', 'BASHOPTS', 'IFS', 'CDPATH', 'FPATH', 'GLOBIGNORE', 'HISTFILE', 'INPUTRC',
      'PS0', 'PS1', 'PS2', 'PS3', 'PS4', 'ZDOTDIR', 'MAIL', 'MAILPATH', 'COMSPEC', 'PATHEXT', 'PSMODULEPATH',
      'PROMPT', 'FCEDIT', 'TERMINFO', 'TERMINFO_DIRS', 'TERMCAP',
    ],
    prefixes: ['BASH_', 'PROMPT_', 'ZSH_'],
  },
  {
    why: 'it moves the home, temporary, configuration or working directory that every tool trusts',
    names: [
      'HOME', 'TMPDIR', 'TMP', 'TEMP', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA',
      'PROGRAMDATA', 'PROGRAMFILES', 'SYSTEMROOT', 'WINDIR',
    ],
    prefixes: ['XDG_'],
  },
  {
    why: 'the dynamic loader or the C library reads it to load code or data',
    names: [
      'GLIBC_TUNABLES', 'GETCONF_DIR', 'HOSTALIASES', 'LOCALDOMAIN', 'RES_OPTIONS', 'RESOLV_HOST_CONF', 'LOCPATH', 'NLSPATH',
      'LANG', 'LANGUAGE', 'TZ', 'TZDIR', 'MALLOC_TRACE',
    ],
    prefixes: ['LD_', 'DYLD_', 'GCONV', 'LC_'],
  },
  {
    why: 'a language runtime reads it to load modules or options before your code runs',
    names: [
      'CLASSPATH', 'PHPRC', 'PHP_INI_SCAN_DIR', 'TCLLIBPATH', 'R_PROFILE', 'R_PROFILE_USER', 'R_ENVIRON', 'R_ENVIRON_USER',
      'R_LIBS', 'R_LIBS_USER', 'ELIXIR_ERL_OPTIONS', 'IPYTHONDIR',
    ],
    prefixes: [
      'NODE_', 'PYTHON', 'PERL', 'RUBY', 'GEM_', 'JAVA_', '_JAVA', 'JDK_', 'DOTNET_', 'COMPLUS_', 'CORECLR_', 'MONO_',
      'LUA_', 'ERL_', 'JULIA_', 'DENO_', 'BUN_', 'GUILE_', 'NVM_', 'VOLTA_',
    ],
  },
  {
    why: 'a package manager or build tool reads it to run commands or choose where code is downloaded from',
    names: [
      'MAVEN_OPTS', 'MAVEN_ARGS', 'GRADLE_OPTS', 'GRADLE_USER_HOME', 'ANT_OPTS', 'SBT_OPTS', 'BUNDLE_GEMFILE',
      'GOFLAGS', 'GOPROXY', 'GOTOOLCHAIN', 'GOROOT', 'GOPATH', 'GOENV', 'GOBIN', 'GOAUTH', 'GOSUMDB', 'GONOSUMDB',
      'GONOSUMCHECK', 'GONOPROXY', 'GOPRIVATE', 'GOINSECURE', 'GOVCS', 'GOEXPERIMENT', 'GOMODCACHE', 'GOCACHEPROG',
      'GOCACHE', 'GOWORK', 'GOTMPDIR', 'CYPRESS_INSTALL_BINARY', 'CYPRESS_RUN_BINARY', 'CYPRESS_DOWNLOAD_MIRROR',
      'CYPRESS_CACHE_FOLDER',
      'RUSTC', 'RUSTC_WRAPPER', 'RUSTC_WORKSPACE_WRAPPER', 'RUSTDOC', 'RUSTFLAGS', 'RUSTDOCFLAGS', 'CARGO_HOME',
      'CC', 'CXX', 'CPP', 'LD', 'AR', 'AS', 'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS', 'MAKE', 'MAKEFLAGS', 'MFLAGS',
      'MAKEFILES',
    ],
    prefixes: [
      'NPM_CONFIG_', 'YARN_', 'PNPM_', 'COREPACK_', 'PIP_', 'UV_', 'POETRY_', 'PIPENV_', 'CONDA', 'CGO_', 'CARGO_',
      'RUSTUP_', 'CCACHE_', 'SCCACHE_', 'DISTCC_', 'BUNDLE_', 'COMPOSER', 'NUGET_', 'MSBUILD', 'CMAKE_', 'PKG_CONFIG',
      'BAZELISK_',
    ],
  },
  {
    why: 'a version control tool reads it to run commands, load configuration or pick hooks',
    names: ['HGRCPATH', 'HGEDITOR', 'SVN_EDITOR', 'SVN_SSH'],
    prefixes: ['GIT_'],
  },
  {
    why: 'a cloud, container or deployment tool reads it to run a credential helper or plugin, load configuration, or choose where it sends credentials',
    names: [
      'KUBECONFIG', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_CA_BUNDLE', 'AZURE_CONFIG_DIR',
      'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES', 'TF_PLUGIN_CACHE_DIR', 'GH_HOST', 'GH_CONFIG_DIR', 'GH_PATH', 'GH_BROWSER',
      'GH_EDITOR', 'GH_PAGER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH', 'PSQLRC', 'PGSERVICEFILE', 'PGSYSCONFDIR',
      'MYSQL_HOME',
    ],
    prefixes: ['AWS_ENDPOINT_URL', 'CLOUDSDK_', 'HELM_', 'TF_CLI_', 'ANSIBLE_', 'COMPOSE_', 'BUILDX_', 'BUILDKIT_', 'PLAYWRIGHT_', 'PUPPETEER_'],
  },
  {
    why: 'a program runs its value as a command',
    names: [
      'EDITOR', 'VISUAL', 'PAGER', 'MANPAGER', 'MANOPT', 'MANPATH', 'LESS', 'LESSOPEN', 'LESSCLOSE', 'LESSKEY', 'LESSKEYIN',
      'BROWSER', 'SSH_ASKPASS', 'SSH_ASKPASS_REQUIRE', 'SUDO_ASKPASS', 'SUDO_EDITOR', 'SSH_AUTH_SOCK', 'VIMINIT', 'GVIMINIT',
      'EXINIT', 'MYVIMRC', 'VIMRUNTIME', 'EMACSLOADPATH', 'SYSTEMD_PAGER', 'SYSTEMD_EDITOR',
    ],
    // AWS_PAGER, PSQL_PAGER, KUBE_EDITOR, GIT_PAGER...: every tool that pages or edits names its command so.
    suffixes: ['_PAGER', '_EDITOR'],
  },
  {
    why: 'it redirects network traffic or changes which certificates are trusted',
    names: ['REQUESTS_CA_BUNDLE', 'WGETRC', 'NETRC', 'SSLKEYLOGFILE', 'GNUPGHOME'],
    prefixes: ['SSL_', 'OPENSSL_', 'CURL_', 'DOCKER_'],
    suffixes: ['_PROXY'],
  },
];

/**
 * Names under a reserved prefix that are well-known credentials, read by one tool as a secret and by nothing
 * as code: refusing them would push users to rename exactly the secrets this tool exists for.
 */
export const CREDENTIAL_NAMES: readonly string[] = ['NODE_AUTH_TOKEN', 'DOCKER_USERNAME', 'DOCKER_PASSWORD', 'CARGO_REGISTRY_TOKEN'];

/** The group that reserves `name`, or undefined when the name is free. */
export function reservedBy(name: string): ReservedGroup | undefined {
  const upper = name.toUpperCase();
  if (CREDENTIAL_NAMES.includes(upper)) return undefined;
  return RESERVED.find(
    (g) =>
      g.names?.includes(upper) ||
      g.prefixes?.some((p) => upper.startsWith(p)) ||
      g.suffixes?.some((s) => upper.endsWith(s)),
  );
}

/**
 * Why `name` cannot be exported, or undefined when it can. `chosenBy: 'broker'` applies the stricter shape a
 * broker-chosen name must have (no `secrets` list named it).
 */
export function exportNameProblem(name: string, chosenBy: 'user' | 'broker' = 'user'): string | undefined {
  if (!VARIABLE_NAME.test(name)) {
    return `${JSON.stringify(name)} is not a valid variable name (letters, digits and _, not starting with a digit)`;
  }
  if (chosenBy === 'broker' && !BROKER_CHOSEN_NAME.test(name)) {
    return `${JSON.stringify(name)} is refused: a name the broker chooses must be upper case (A-Z, 0-9, _, a letter first, at most 128 characters); list the secrets you want, with "NAME | OTHER_NAME" to rename`;
  }
  const group = reservedBy(name);
  if (group) return `${name} is refused: the name is reserved because ${group.why}; export the secret under another name with "NAME | OTHER_NAME"`;
  return undefined;
}
