// The dist tier (`npm run test:dist`, after `npm run build`): the test/**/*.dist.test.ts files, each about what
// users run built: the action's bundle through the fake runner on the Node versions GitHub runs, the GitLab
// component's script under dash, BusyBox sh and bash, gitlab-ci-local, the docs' commands as printed, the npm
// package installed, the bundled broker as a process. Everything else runs on the sources in `npm test`.
import { base } from './jest.config.mjs';

export default {
  ...base,
  testMatch: ['<rootDir>/test/**/*.dist.test.ts'],
  globalSetup: '<rootDir>/test/helpers/dist-setup.mjs',
};
