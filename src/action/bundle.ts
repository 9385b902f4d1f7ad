// The action's bundle (dist/action/, committed: what a workflow's `uses:` step loads). The main and post steps
// share it, so each dependency is in dist/ once; dist/index.js and dist/post.js each import it and call their
// part. The steps are loaded statically (they are small and every job runs them); everything heavy behind a
// step (Vault, Octokit, undici) is a chunk loaded only when used. Nothing runs when this module is imported.
export { main } from './main.js';
export { post } from './post.js';
