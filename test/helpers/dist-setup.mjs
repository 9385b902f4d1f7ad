// Before the dist tier (jest.dist.config.mjs): the CLI bundle, which is not committed but built at install, is
// brought up to date with the sources once, here, rather than by the first tests that pack the package or copy
// the checkout (two of them at once would each rebuild it into the same folder). Nothing happens when it is
// fresh, as after `npm run build` in .ci/run. The action's bundle is committed, and CI checks it is fresh.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default function distSetup() {
  execFileSync(process.execPath, ['scripts/build.mjs', '--cli', '--if-stale'], { cwd: root, stdio: 'inherit' });
}
