// The one bundle dist/ is built from. The action's two steps share it, so each dependency is in dist/ once;
// dist/index.js, dist/post.js and dist/cli.js each import it and call their part. The steps are loaded
// statically (they are small and every job runs them); the CLI, and everything heavy behind a step (Vault,
// Octokit, undici), is a chunk loaded only when used. Nothing runs when this module is imported.
export { main } from './action/main.js';
export { post } from './action/post.js';

/** The `oidc-exchange` command (src/cli/main.ts runs as it loads). */
export async function cli(): Promise<void> {
  await import('./cli/main.js');
}
