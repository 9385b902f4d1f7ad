// The harness's subcommands (`demo`, `issuers`, `token`, `gitlab-job`, `try-action`), loaded together as one
// chunk of dist/. They share the claims-file reader, the fake issuers, the fake runner and the scratch folder;
// loaded one by one, the bundler copied those small modules into each command's chunk.
export { demoCommand } from './demo.js';
export { issuersCommand } from './issuers.js';
export { tokenCommand } from './token.js';
export { gitlabJobCommand } from './gitlab-job.js';
export { tryActionCommand } from './try-action.js';
