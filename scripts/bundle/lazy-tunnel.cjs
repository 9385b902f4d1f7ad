// Stands in for the `tunnel` package inside @actions/http-client when dist/ is built (scripts/bundle/ncc.mjs
// rewrites that package's `import * as tunnel from 'tunnel'` to a default import of this file). http-client
// uses tunnel only to reach an https server through a proxy, yet importing it at load pulls in tunnel and the
// `util`, `assert` and `net` modules on every start. The property reads below load it, synchronously and
// from the same bundle chunk, the first time http-client asks for one of its agents.
'use strict';

module.exports = new Proxy(
  {},
  {
    get(_target, key) {
      return require('tunnel')[key];
    },
  },
);
