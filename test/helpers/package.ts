// The package as users get it: the tarball `npm run release:npm` makes of this checkout (the published manifest,
// staged; packed in process, without the release checks, so a working tree with changes can be tested), installed
// from the tarball into an empty folder with no network (npm offline, an empty cache and a registry address where nothing listens), so anything the
// install would have to download makes it fail.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './docs.js';

const run = promisify(execFile);

export interface PackedFile {
  path: string;
  size: number;
}

export interface Packed {
  tarball: string;
  files: PackedFile[];
}

/** npm's environment for offline, quiet runs: nothing read from or written to the user's npm setup. */
export function offlineNpmEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    npm_config_cache: join(home, '.npm'),
    npm_config_offline: 'true',
    npm_config_registry: 'http://127.0.0.1:9/',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
}

export async function pack(dest: string): Promise<Packed> {
  const home = await mkdtemp(join(tmpdir(), 'oidc-exchange-npm-home-'));
  const { stagePackage } = (await import(join(repoRoot, 'scripts', 'release-npm.mjs'))) as { stagePackage(o: { out: string; env: NodeJS.ProcessEnv }): Packed };
  const { tarball, files } = stagePackage({ out: dest, env: offlineNpmEnv(home) });
  return { tarball, files };
}

/** An empty project folder with the tarball installed: `npx oidc-exchange` runs the installed package. */
export async function installInto(folder: string, tarball: string): Promise<NodeJS.ProcessEnv> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'package.json'), '{ "private": true }\n');
  const home = join(folder, '.home');
  await mkdir(home);
  const env = offlineNpmEnv(home);
  await run('npm', ['install', tarball], { cwd: folder, env });
  return env;
}
