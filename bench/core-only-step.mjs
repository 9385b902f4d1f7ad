// The baseline step for `npm run bench action`: it only loads @actions/core, bundled the default way (ncc,
// no build-time transform), so it pays for the undici that @actions/http-client imports at load. The action's
// main step, which does its whole job, must start faster than this does nothing.
import * as core from '@actions/core';

core.info('loaded @actions/core');
