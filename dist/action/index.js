import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var net = __nccwpck_require__(9278);
var tls = __nccwpck_require__(4756);
var http = __nccwpck_require__(8611);
var https = __nccwpck_require__(5692);
var events = __nccwpck_require__(4434);
var assert = __nccwpck_require__(2613);
var util = __nccwpck_require__(9023);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 827:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ jobContext),
/* harmony export */   h: () => (/* binding */ describeJob)
/* harmony export */ });
// The job, as the summary and the refusal diagnostics name it (its repository and the URL of this run), and
// the GitHub API it talks to, read from the variables the runner documents for every job: GITHUB_REPOSITORY,
// GITHUB_SERVER_URL, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_API_URL. Read here rather than through
// @actions/github's Context, which also reads and parses the event payload (GITHUB_EVENT_PATH) that the
// action never uses, and whose package entry builds Octokit at import: neither belongs on the start-up path
// of a step that never calls the GitHub API. The values are taken as Context takes them (same defaults).
function jobContext(env) {
    const repository = env.GITHUB_REPOSITORY || undefined;
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const runId = parseInt(env.GITHUB_RUN_ID ?? '', 10);
    const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10);
    const attempt = Number.isInteger(runAttempt) && runAttempt > 1 ? `/attempts/${runAttempt}` : '';
    const runUrl = repository && Number.isInteger(runId) ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}` : undefined;
    return { repository, runUrl, apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com' };
}
/** `octo-org/octo-repo, run https://github.com/.../actions/runs/1`, or '' outside a runner. */
function describeJob(job) {
    if (!job.repository)
        return '';
    return job.runUrl ? `${job.repository}, run ${job.runUrl}` : job.repository;
}


/***/ }),

/***/ 6062:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yq: () => (/* binding */ decodeClaims),
  Zs: () => (/* binding */ describeClaims)
});

// UNUSED EXPORTS: DIAGNOSTIC_CLAIMS

;// CONCATENATED MODULE: ./src/platform/claims.ts
// What each kind of issuer puts in its tokens, and so which kind an issuer is. The linter needs the kind to
// know which rules apply (an unpinned owner means something else on GitHub.com than on a private issuer) and
// to recognise a condition on a claim the issuer never emits: such a policy can never match. The claims-file
// reader of the CLI uses the same catalogue to spot a misspelt claim (src/text/suggest.ts does the matching).

/** Claims every OIDC token has, whoever issued it. */
const STANDARD = ['iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti'];
/** Claims both GitHub and GitLab emit, with the same name. */
const SHARED = ['ref', 'ref_type', 'ref_protected', 'environment', 'runner_environment', 'sha'];
/** GitHub Actions (token.actions.githubusercontent.com and GitHub Enterprise Server). */
const GITHUB_ONLY = [
    'actor', 'actor_id', 'base_ref', 'check_run_id', 'enterprise', 'enterprise_id', 'environment_node_id', 'event_name',
    'head_ref', 'job_workflow_ref', 'job_workflow_sha', 'repository', 'repository_id', 'repository_owner',
    'repository_owner_id', 'repository_visibility', 'run_attempt', 'run_id', 'run_number', 'triggering_actor',
    'workflow', 'workflow_ref', 'workflow_sha',
];
/** GitLab CI `id_tokens`. */
const GITLAB_ONLY = [
    'namespace_id', 'namespace_path', 'project_id', 'project_path', 'project_visibility', 'user_id', 'user_login',
    'user_email', 'user_identities', 'user_access_level', 'groups_direct', 'pipeline_id', 'pipeline_source', 'job_id',
    'ref_path', 'environment_protected', 'environment_action', 'deployment_tier', 'runner_id', 'ci_config_ref_uri',
    'ci_config_sha', 'job_project_id', 'job_project_path', 'job_namespace_id', 'job_namespace_path',
];
/**
 * The claims that say which job a token belongs to, on either platform: what a client shows when a policy did not
 * match and what the broker's status page keeps of a refused token. None of them is a credential.
 */
const JOB_IDENTITY_CLAIMS = [
    'iss',
    'aud',
    'sub',
    'repository',
    'repository_id',
    'repository_owner',
    'repository_owner_id',
    'ref',
    'ref_type',
    'ref_protected',
    'environment',
    'event_name',
    'workflow_ref',
    'job_workflow_ref',
    'runner_environment',
    'project_id',
    'project_path',
    'namespace_id',
    'namespace_path',
    'pipeline_source',
    'environment_protected',
];
const GITHUB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITHUB_ONLY]);
const GITLAB_CLAIMS = new Set([...STANDARD, ...SHARED, ...GITLAB_ONLY]);
const GITHUB_DOT_COM = 'https://token.actions.githubusercontent.com';
const GITLAB_DOT_COM = 'https://gitlab.com';
/** GitHub.com and gitlab.com: every repository or project on the platform shares the issuer. */
function isMultiTenant(url) {
    const u = url.replace(/\/+$/, '');
    return u === GITHUB_DOT_COM || u === GITLAB_DOT_COM;
}
/**
 * An issuer's kind for the linter: the declared one, else what the URL tells (src/platform/issuers.ts), else
 * unknown (the loader refuses such an issuer; only the rules that do not depend on the kind apply meanwhile).
 * Never guessed from the claims a policy uses: a GitLab issuer whose policies name only shared claims would
 * escape GitLab's identity rules.
 */
function issuerKind(url, declared) {
    const resolved = resolveIssuerKind(url, declared === 'github' || declared === 'gitlab' ? declared : undefined);
    return 'kind' in resolved ? resolved.kind : 'unknown';
}
/**
 * GitHub's custom-property claims (GA 2026-03-12): `repo_property_<name>` for each repository custom property
 * an organization or enterprise admin chose to include. Values are always strings: booleans `"true"`/`"false"`,
 * multi-select values joined by commas (`"us-east-1,eu-west-1"`).
 */
const GITHUB_REPO_PROPERTY_PREFIX = 'repo_property_';
function isRepoPropertyClaim(claim) {
    return claim.startsWith(GITHUB_REPO_PROPERTY_PREFIX) && claim.length > GITHUB_REPO_PROPERTY_PREFIX.length;
}
/** Whether an issuer of this kind ever puts the claim in a token (unknown kinds: assume it might). */
function emitsClaim(kind, claim) {
    if (kind === 'github')
        return GITHUB_CLAIMS.has(claim) || isRepoPropertyClaim(claim);
    if (kind === 'gitlab')
        return GITLAB_CLAIMS.has(claim);
    return true;
}
/** Names people write for a claim that has another name. */
const ALIASES = {
    github: { repo: ['repository'], owner: ['repository_owner'], org: ['repository_owner'], organization: ['repository_owner'], branch: ['ref'], tag: ['ref'], env: ['environment'], event: ['event_name'] },
    gitlab: { project: ['project_path'], group: ['namespace_path'], namespace: ['namespace_path'], branch: ['ref'], tag: ['ref'], env: ['environment'], user: ['user_login'] },
};
/** Every claim name an issuer of this kind emits. */
function claimNames(kind) {
    return [...(kind === 'github' ? GITHUB_CLAIMS : GITLAB_CLAIMS)];
}
/** Names people write for a claim of this kind that has another name (`repo` for `repository`). */
function claimAliases(kind) {
    return ALIASES[kind];
}
const REF_TYPES = ['branch', 'tag'];
/** GitLab refuses branch and tag names that start with `refs/`, so its short names never do. */
const FULL_REF = /^refs\//;
const FORMATS = {
    github: {
        ref: {
            shape: 'the full ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge',
            accepts: (v) => FULL_REF.test(v),
            startsPossible: (p) => FULL_REF.test(p) || 'refs/'.startsWith(p),
            suggest: (v) => (v.includes('*') || v === '' ? undefined : /^v?\d+(\.\d+)*$/.test(v) ? `refs/tags/${v}` : `refs/heads/${v}`),
        },
        ref_type: { shape: 'branch or tag', accepts: (v) => REF_TYPES.includes(v), values: REF_TYPES },
        sub: {
            shape: 'repo:<owner>/<repo>:<context> (or the key:value pairs of a customized subject)',
            // `key:value` pairs, `pull_request` standing alone: anything without a `:` is a name, not a subject.
            accepts: (v) => /^[a-z][a-z0-9_]*:[^:]*(:(pull_request|[a-z][a-z0-9_]*:[^:]*))*$/.test(v),
            startsPossible: (p) => /^[a-z0-9_]*$/.test(p) || /^[a-z][a-z0-9_]*:/.test(p),
        },
    },
    gitlab: {
        ref: {
            shape: 'the short branch or tag name (main, v1.2.0), without refs/heads/ or refs/tags/',
            accepts: (v) => !FULL_REF.test(v),
            startsPossible: (p) => !FULL_REF.test(p),
            suggest: (v) => /^refs\/(heads|tags)\/./.test(v) ? v.replace(/^refs\/(heads|tags)\//, '') : undefined,
        },
        ref_type: { shape: 'branch or tag', accepts: (v) => REF_TYPES.includes(v), values: REF_TYPES },
        sub: {
            shape: 'project_path:<group>/<project>:ref_type:<branch|tag>:ref:<ref>',
            // The project first, then `key:value` pairs (a project may choose which, GitLab 17.10+).
            accepts: (v) => /^project_path:[^:]+\/[^:]+(:[a-z][a-z0-9_]*:[^:]*)*$/.test(v),
            startsPossible: (p) => p.startsWith('project_path:') || 'project_path:'.startsWith(p),
        },
    },
};
/** The shape the platform gives this claim's values, when the catalogue knows it. */
function claimFormat(kind, claim) {
    return kind === 'unknown' ? undefined : FORMATS[kind][claim];
}

// EXTERNAL MODULE: ./src/client/errors.ts
var errors = __nccwpck_require__(6468);
;// CONCATENATED MODULE: ./src/client/claims.ts
// The claims of a job's own OIDC token that help a user see why a policy did not match. The payload is
// decoded without verification (only the broker's verdict counts) and only claims that identify the job,
// never the signature or the token itself, are shown. Claim values can carry text a user chose (a branch
// name, an environment), so anything but plain printable text is shown as quoted peer text.


/** The job's identity, and when the token expires. */
const DIAGNOSTIC_CLAIMS = [...JOB_IDENTITY_CLAIMS, 'exp'];
function decodeClaims(jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3)
        return undefined;
    try {
        const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
        return payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : undefined;
    }
    catch {
        return undefined;
    }
}
/** `name: value` lines for the diagnostic claims present in the token. */
function describeClaims(claims) {
    const lines = [];
    for (const name of DIAGNOSTIC_CLAIMS) {
        const v = claims[name];
        if (v === undefined)
            continue;
        const text = name === 'exp' && typeof v === 'number' ? new Date(v * 1000).toISOString() : typeof v === 'string' ? v : JSON.stringify(v);
        lines.push(`${name}: ${plain(text) ? text : (0,errors/* peerText */.qT)(text)}`);
    }
    return lines;
}
/** Printable ASCII with no runner command marker: safe to show as it is after a `name: ` prefix. */
function plain(text) {
    return /^[\x20-\x7e]{0,300}$/.test(text) && !text.includes('##[');
}


/***/ }),

/***/ 6468:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ MAX_PEER_TEXT),
/* harmony export */   Sb: () => (/* binding */ ExchangeError),
/* harmony export */   qT: () => (/* binding */ peerText)
/* harmony export */ });
/* unused harmony export printableLine */
// Failures of the client side of an exchange, each with a stable code for tests and scripts. Messages say
// what to fix; they never carry a token or a secret value, and peer text in them goes through peerText().
class ExchangeError extends Error {
    code;
    /** HTTP status of the broker's last answer, if there was one. */
    status;
    /** The broker's own `error` code and message, shown to the user as they are. */
    brokerCode;
    brokerMessage;
    /** Claims of the last token sent (for 401/403 diagnostics); never the token. */
    claims;
    attempts;
    constructor(code, message, opts = {}) {
        super(message);
        this.name = 'ExchangeError';
        this.code = code;
        this.status = opts.status;
        this.brokerCode = opts.brokerCode;
        this.brokerMessage = opts.brokerMessage;
        this.claims = opts.claims;
        this.attempts = opts.attempts ?? 0;
    }
}
/** Longest peer text shown, in characters; the rest is cut with a note. */
const MAX_PEER_TEXT = 300;
/**
 * Text a peer chose (the broker's error code and message, its policy name, Vault's errors, a claim value) as
 * one printable line. A CI runner reads each printed line as a possible command: GitHub's runner executes a
 * line that starts with `::` after spaces, or that holds `##[` anywhere, so a broker able to put a line break
 * in its answer could save state for the post step (`::save-state`), forge outputs or stop masking. Peer text
 * is shown as one JSON string literal: quoted, every control and line-separator character escaped, `##[`
 * broken up, and cut so a huge answer cannot flood the log.
 */
function peerText(text, max = MAX_PEER_TEXT) {
    const cut = text.length > max ? text.slice(0, max) : text;
    // JSON escapes the C0 controls, quotes and backslashes; printableLine() does the rest.
    const quoted = printableLine(JSON.stringify(cut));
    return text.length > max ? `${quoted} (cut at ${max} of ${text.length} characters)` : quoted;
}
/**
 * `text` as one line no runner reads as a command and no terminal as a control: every control and
 * line-separator character escaped as `\uXXXX` (JSON leaves U+007F-U+009F, U+2028 and U+2029 raw), and `##[`,
 * the runner's older command form that it recognises anywhere in a line, broken up. For text that is already
 * ours around a peer's words (an error message); peerText() quotes a peer's text on its own.
 */
function printableLine(text) {
    return text
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .replace(/##\[/g, '#\\u0023[');
}


/***/ }),

/***/ 7169:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   proxyFor: () => (/* binding */ proxyFor)
/* harmony export */ });
/* harmony import */ var _url_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1098);
// Which proxy a request should use, from the conventional environment variables: HTTPS_PROXY for https://
// targets, HTTP_PROXY for http:// ones (lower-case forms win, as curl does), and NO_PROXY exceptions:
// `*`, host names (a leading dot or not, both match sub-domains), `host:port`, and IP addresses. Plain http
// to a loopback address is always direct.

function proxyFor(target, env) {
    const url = new URL(target);
    // A plain http:// request to this machine would show the proxy the job's OIDC token and let it answer with
    // secret values of its own choosing: it never goes through one, whatever the environment says.
    if (url.protocol === 'http:' && (0,_url_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopbackHost */ .c)(url.hostname))
        return undefined;
    const proxy = url.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
    if (!proxy || proxy.trim() === '')
        return undefined;
    if (bypasses(url, env.no_proxy ?? env.NO_PROXY ?? ''))
        return undefined;
    return proxy.includes('://') ? proxy.trim() : `http://${proxy.trim()}`;
}
function bypasses(url, noProxy) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    for (const raw of noProxy.split(/[\s,]+/)) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return true;
        const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
        if (!m)
            continue;
        const entryHost = m[1].replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
        if (m[2] && m[2] !== port)
            continue;
        if (host === entryHost || host.endsWith(`.${entryHost}`))
            return true;
    }
    return false;
}


/***/ }),

/***/ 8006:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  WD: () => (/* binding */ callWithToken)
});

// UNUSED EXPORTS: RetriesExhausted, withRetries

;// CONCATENATED MODULE: ./src/client/backoff.ts
// How long to wait before the next attempt: exponential with full jitter (so many jobs retrying at once do
// not hammer the broker in step), or what the server asked for with Retry-After, never past the deadline.
const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 10_000 };
/**
 * @param attempt the attempt that just failed, from 1
 * @param retryAfter the Retry-After header of the failed answer, if any
 * @param random a number in [0, 1)
 */
function retryDelayMs(attempt, retryAfter, random, policy = DEFAULT_BACKOFF, nowMs = Date.now()) {
    const asked = parseRetryAfter(retryAfter, nowMs);
    if (asked !== undefined)
        return Math.min(asked, policy.maxMs * 6);
    const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
    // Half fixed, half random: spreads the herd while still backing off.
    return Math.round(cap / 2 + (random * cap) / 2);
}
/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 10.2.3). Garbage is ignored. */
function parseRetryAfter(value, nowMs = Date.now()) {
    if (value === undefined)
        return undefined;
    const v = value.trim();
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    const date = Date.parse(v);
    if (Number.isNaN(date) || !/[A-Za-z]/.test(v))
        return undefined;
    return Math.max(0, date - nowMs);
}

// EXTERNAL MODULE: ./src/client/claims.ts + 1 modules
var client_claims = __nccwpck_require__(6062);
// EXTERNAL MODULE: ./src/client/errors.ts
var errors = __nccwpck_require__(6468);
// EXTERNAL MODULE: ./src/client/transport.ts
var transport = __nccwpck_require__(4790);
;// CONCATENATED MODULE: ./src/client/retry.ts
// The one attempt loop of the client. withRetries() makes attempts until one succeeds, a failure is final, or
// the total deadline passes; each attempt gets its own timeout, never longer than what is left of the
// deadline. callWithToken() is every call that trades the job's OIDC token (the broker's exchange, Vault's
// login) on top of it: a fresh token per attempt (a service that remembers `jti` refuses a replayed one),
// network errors, 429 and 5xx retried, certificate problems (the broker's, or our client certificate refused) and the other answers final, and running out
// of time reported the same way whichever service it was.




class RetriesExhausted extends Error {
    attempts;
    lastReason;
    deadlinePassed;
    /** The peer asked (Retry-After) for a wait longer than what was left of the deadline: both, in ms. */
    askedWait;
    constructor(attempts, lastReason, deadlinePassed, askedWait) {
        super(lastReason);
        this.name = 'RetriesExhausted';
        this.attempts = attempts;
        this.lastReason = lastReason;
        this.deadlinePassed = deadlinePassed;
        this.askedWait = askedWait;
    }
}
const realSleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function withRetries(settings, attempt) {
    const now = settings.now ?? Date.now;
    const sleep = settings.sleep ?? realSleep;
    const random = settings.random ?? Math.random;
    const deadline = now() + settings.deadlineMs;
    for (let n = 1;; n++) {
        const left = deadline - now();
        const result = await attempt(Math.max(1, Math.min(settings.attemptTimeoutMs, left)), n);
        if ('ok' in result)
            return { value: result.ok, attempts: n };
        if ('fail' in result)
            throw result.fail;
        const delay = retryDelayMs(n, result.retryAfter, random(), settings.backoff ?? DEFAULT_BACKOFF, now());
        // A wait that would end past the deadline leaves no time for another attempt worth making. When the peer
        // asked for that wait itself (Retry-After), say so: the fix is a longer time limit, not a closer look at
        // the network.
        if (now() + delay + 50 >= deadline) {
            const asked = parseRetryAfter(result.retryAfter, now());
            throw new RetriesExhausted(n, result.retry, true, asked === undefined ? undefined : { askedMs: asked, leftMs: Math.max(0, deadline - now()) });
        }
        settings.onRetry?.({ attempt: n, reason: result.retry, delayMs: delay });
        await sleep(delay);
    }
}
async function callWithToken(call) {
    let claims;
    let lastStatus;
    try {
        return await withRetries(call.retry, async (timeoutMs, n) => {
            let token;
            try {
                token = await call.getToken();
            }
            catch (e) {
                // A missing permission is final; the token service being briefly down is not.
                if (e instanceof errors/* ExchangeError */.Sb)
                    return { fail: e };
                return { retry: `attempt ${n}: could not get an OIDC token: ${e.message}` };
            }
            claims = (0,client_claims/* decodeClaims */.Yq)(token);
            let res;
            try {
                res = await call.http({ ...call.request(token), timeoutMs });
            }
            catch (e) {
                if (isCertificateProblem(e))
                    return { fail: untrusted(call.url, e) };
                // The broker refused the client certificate (or the lack of one) in the handshake: the same again will not pass.
                if (e instanceof transport/* TransportError */.wX && e.code === 'client_certificate_refused')
                    return { fail: new errors/* ExchangeError */.Sb('client_certificate_refused', e.message, { attempts: n }) };
                // Asking again brings the same oversized answer.
                if (e instanceof transport/* TransportError */.wX && e.code === 'answer_too_large')
                    return { fail: new errors/* ExchangeError */.Sb('broker_answer_invalid', e.message, { attempts: n }) };
                return { retry: `attempt ${n}: ${e.message}` };
            }
            lastStatus = res.status;
            if (res.status === 429 || res.status >= 500)
                return { retry: `attempt ${n}: ${call.peer} answered ${res.status} ${call.said(res)}`, retryAfter: res.headers['retry-after'] };
            return call.settle(res, { n, claims });
        });
    }
    catch (e) {
        if (e instanceof RetriesExhausted && e.askedWait) {
            const secs = (ms) => `${Math.ceil(ms / 1000)} s`;
            throw new errors/* ExchangeError */.Sb('broker_unavailable', `${call.peer} at ${call.url} asked to be retried in ${secs(e.askedWait.askedMs)} (Retry-After), later than the ${secs(e.askedWait.leftMs)} left of the time limit (timeout-seconds), so no further attempt was made after ${e.attempts}; raise the time limit or run the job again later; last: ${e.lastReason}`, { status: lastStatus, claims, attempts: e.attempts });
        }
        if (e instanceof RetriesExhausted) {
            throw new errors/* ExchangeError */.Sb('broker_unavailable', `no answer from ${call.peer} at ${call.url} after ${e.attempts} attempt(s)${e.deadlinePassed ? ' within the time limit (timeout-seconds)' : ''}; last: ${e.lastReason}`, { status: lastStatus, claims, attempts: e.attempts });
        }
        throw e;
    }
}
const CERTIFICATE_CODES = new Set([
    'SELF_SIGNED_CERT_IN_CHAIN',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_GET_ISSUER_CERT',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_UNTRUSTED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/** A certificate the client does not trust will not become trusted by retrying. */
function isCertificateProblem(e) {
    return CERTIFICATE_CODES.has(e?.code ?? '');
}
function untrusted(url, e) {
    return new errors/* ExchangeError */.Sb('broker_untrusted', `the TLS certificate of ${url} is not trusted (${e.code}): if the broker uses a private CA, pass that CA's certificate as ca-certificate; if the host name differs from the certificate's, fix broker-url`);
}


/***/ }),

/***/ 4790:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   M0: () => (/* binding */ contextTrusting),
/* harmony export */   N1: () => (/* binding */ withDefaultCAs),
/* harmony export */   g$: () => (/* binding */ tooLarge),
/* harmony export */   gB: () => (/* binding */ MAX_ANSWER_BYTES),
/* harmony export */   qO: () => (/* binding */ transportFailure),
/* harmony export */   wX: () => (/* binding */ TransportError)
/* harmony export */ });
/** What the client reads of an answer at most: a broker's answer is kilobytes; 16 MiB leaves room for big keys. */
const MAX_ANSWER_BYTES = 16 * 1024 * 1024;
/** A request that did not get an HTTP answer (refused, reset, DNS, TLS, timeout). */
class TransportError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'TransportError';
        this.code = code;
    }
}
/** The error for an answer larger than the client reads (final: asking again brings the same answer). */
function tooLarge(origin, limit) {
    return new TransportError('answer_too_large', `${origin} answered with more than ${limit / 1024 / 1024} MiB; the client stops reading there. Is broker-url the broker, and does its policy hand out only what the job needs?`);
}
/**
 * The contexts made, one per (CA, identity): a client with a certificate uses two (with it for the broker, without
 * for every other host), and a single slot would rebuild the context, parsing the key again, on each alternation.
 */
const made = [];
/**
 * A TLS context that trusts Node's bundled roots and `ca` too (a proxy or mirror may use either), and presents
 * `identity` when given. The CA is added to the default store rather than passed as `ca` with every root,
 * which would parse all ~140 bundled root certificates on each start (several ms). Made once per process.
 */
async function contextTrusting(ca, identity) {
    let entry = made.find((m) => m.ca === ca && m.identity === identity);
    if (!entry) {
        // A new CA or identity replaces the old ones (tests, a second client): only the current pair is kept.
        if (made.length >= 2)
            made.splice(0);
        entry = {
            ca,
            identity,
            context: Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1692, 23)).then((tls) => {
                const own = identity ? { cert: identity.cert, key: identity.key, ...(identity.passphrase ? { passphrase: identity.passphrase } : {}) } : {};
                const context = tls.createSecureContext(own);
                if (ca === undefined)
                    return context;
                const native = context.context;
                // Node's own way of loading `ca`; should a future Node drop it, fall back to the documented option.
                if (typeof native?.addCACert !== 'function')
                    return tls.createSecureContext({ ...own, ca: [...tls.rootCertificates, ca] });
                native.addCACert(ca);
                return context;
            }),
        };
        made.push(entry);
    }
    return entry.context;
}
/**
 * TLS alerts a server sends when it refuses the client's certificate (none, an unknown CA, expired, revoked):
 * sending the same again cannot help. Node reports them as ERR_SSL_<alert>.
 */
const CLIENT_CERTIFICATE_ALERTS = /^ERR_SSL_(?:TLSV13_ALERT_CERTIFICATE_REQUIRED|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_BAD_CERTIFICATE|SSLV3_ALERT_CERTIFICATE_UNKNOWN|SSLV3_ALERT_CERTIFICATE_EXPIRED|SSLV3_ALERT_CERTIFICATE_REVOKED|SSLV3_ALERT_UNSUPPORTED_CERTIFICATE|TLSV1_ALERT_ACCESS_DENIED|SSLV3_ALERT_HANDSHAKE_FAILURE)$/;
/**
 * A request's failure as the client reports it: a refused client certificate becomes `client_certificate_refused`
 * (final), and a connection the server closed without a word while a certificate was presented says that the
 * broker may not accept that certificate (a Node broker closes the connection after the handshake instead of
 * sending an alert for a certificate from another CA: indistinguishable from a broken connection, so it stays
 * retried, with the hint).
 */
function transportFailure(e, origin, presented, via = '') {
    if (e instanceof TransportError)
        return e;
    const code = e.code ?? 'network_error';
    if (CLIENT_CERTIFICATE_ALERTS.test(code)) {
        return new TransportError('client_certificate_refused', presented
            ? `${origin} refused the client certificate in the TLS handshake (${code}): the broker requires one signed by its client CA (listen.tls.client_ca), valid and not revoked`
            : `${origin} requires a client certificate (mutual TLS) and none was given (${code}): set the client certificate and key (action inputs client-certificate and client-key, oidc-exchange exchange --client-cert and --client-key, component inputs client_cert and client_key)`);
    }
    const hint = presented && (code === 'ECONNRESET' || code === 'EPIPE')
        ? ' (the broker closed the connection after the TLS handshake: if it requires mutual TLS, check that the client certificate is signed by its client CA)'
        : '';
    return new TransportError(code, `${origin}${via}: ${e.message}${hint}`);
}
/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
async function withDefaultCAs(ca) {
    const { rootCertificates } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1692, 23));
    return [...rootCertificates, ca];
}


/***/ }),

/***/ 1098:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost),
/* harmony export */   s: () => (/* binding */ cleartextProblem)
/* harmony export */ });
// Which URLs may carry a job's token or secrets, and the one rule for "this machine" behind it, shared by
// every check that lets plain http through (the action's and the generic client's broker URL, the revocation
// URLs the post step calls, the broker's own endpoints and listen address): the name `localhost` or a literal
// loopback address. A name that merely starts like one (`127.attacker.example`) is a remote host.
/** A URL's hostname (`[::1]`, as the URL parser writes it) or a bare host (`::1`, `127.0.0.1`). */
function isLoopbackHost(hostname) {
    const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    if (h === 'localhost' || h === '::1')
        return true;
    const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
    return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}
/**
 * Why `url` must not carry a job's token or secrets, or undefined when it may: a URL that does not parse,
 * user info in it (`https://user:pass@host` reads as a host to many people: `http://127.0.0.1@evil/` is
 * evil), a scheme other than https, or http:// to anything but this machine (isLoopbackHost).
 */
function cleartextProblem(url, what = 'broker-url') {
    let u;
    try {
        u = new URL(url);
    }
    catch {
        return `${what}: expected an https:// URL, got ${JSON.stringify(url)}`;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:')
        return `${what}: expected an https:// URL, got the scheme ${u.protocol}`;
    if (u.username || u.password)
        return `${what}: remove the user name and password from the URL (${u.protocol}//...@${u.host}); the job's OIDC token is the only credential sent`;
    if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
        return `${what}: http://${u.host} would send the job's OIDC token and the secrets in clear text over the network; use https:// (http:// is accepted only for this machine: localhost, 127.0.0.1, [::1])`;
    }
    return undefined;
}


/***/ }),

/***/ 8431:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = new Proxy({}, { get: (_target, key) => __nccwpck_require__(770)[key] });

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 4942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient)
});

// UNUSED EXPORTS: Headers, HttpClientError, HttpClientResponse, HttpCodes, MediaTypes, getProxyUrl, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(8611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(5692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: data:application/node,module.exports%20%3D%20new%20Proxy(%7B%7D%2C%20%7B%20get%3A%20(_target%2C%20key)%20%3D%3E%20require('tunnel')%5Bkey%5D%20%7D)%3B
var node_module_exports_20_3D_20new_20Proxy_7B_7D_2C_20_7B_20get_3A_20_target_2C_20key_20_3D_3E_20require_tunnel_5Bkey_5D_20_7D_3B = __nccwpck_require__(8431);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};




const ProxyAgent = (function lazyProxyAgent() {
  let undici;
  const loadUndici = async () => (undici ??= await __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19)));
  return class ProxyAgent {
    #options;
    #agent;
    constructor(options) {
      this.#options = options;
      // The real class loads in the background, so a dispatch right after construction finds it.
      void loadUndici();
    }
    #real() {
      if (!undici) throw new Error('undici is not loaded yet: it loads when a ProxyAgent is made, and dispatching comes after an await');
      this.#agent ??= new undici.ProxyAgent(this.#options);
      return this.#agent;
    }
    dispatch(options, handler) {
      return this.#real().dispatch(options, handler);
    }
    async close() {
      await this.#agent?.close();
    }
    async destroy(error) {
      await this.#agent?.destroy(error);
    }
  };
})();
var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? node_module_exports_20_3D_20new_20Proxy_7B_7D_2C_20_7B_20get_3A_20_target_2C_20key_20_3D_3E_20require_tunnel_5Bkey_5D_20_7D_3B.httpsOverHttps : node_module_exports_20_3D_20new_20Proxy_7B_7D_2C_20_7B_20get_3A_20_target_2C_20key_20_3D_3E_20require_tunnel_5Bkey_5D_20_7D_3B.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? node_module_exports_20_3D_20new_20Proxy_7B_7D_2C_20_7B_20get_3A_20_target_2C_20key_20_3D_3E_20require_tunnel_5Bkey_5D_20_7D_3B.httpOverHttps : node_module_exports_20_3D_20new_20Proxy_7B_7D_2C_20_7B_20get_3A_20_target_2C_20key_20_3D_3E_20require_tunnel_5Bkey_5D_20_7D_3B.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* reexport */ main),
  b: () => (/* reexport */ post)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/platform.js
var platform_namespaceObject = {};
__nccwpck_require__.r(platform_namespaceObject);
__nccwpck_require__.d(platform_namespaceObject, {
  arch: () => (arch),
  getDetails: () => (getDetails),
  isLinux: () => (isLinux),
  isMacOS: () => (isMacOS),
  isWindows: () => (isWindows),
  platform: () => (platform)
});

// NAMESPACE OBJECT: ./node_modules/@actions/core/lib/core.js
var core_namespaceObject = {};
__nccwpck_require__.r(core_namespaceObject);
__nccwpck_require__.d(core_namespaceObject, {
  ExitCode: () => (ExitCode),
  addPath: () => (addPath),
  debug: () => (debug),
  endGroup: () => (endGroup),
  error: () => (error),
  exportVariable: () => (exportVariable),
  getBooleanInput: () => (getBooleanInput),
  getIDToken: () => (getIDToken),
  getInput: () => (getInput),
  getMultilineInput: () => (getMultilineInput),
  getState: () => (getState),
  group: () => (group),
  info: () => (info),
  isDebug: () => (isDebug),
  markdownSummary: () => (markdownSummary),
  notice: () => (notice),
  platform: () => (platform_namespaceObject),
  saveState: () => (saveState),
  setCommandEcho: () => (setCommandEcho),
  setFailed: () => (setFailed),
  setOutput: () => (setOutput),
  setSecret: () => (setSecret),
  startGroup: () => (startGroup),
  summary: () => (summary),
  toPlatformPath: () => (toPlatformPath),
  toPosixPath: () => (toPosixPath),
  toWin32Path: () => (toWin32Path),
  warning: () => (warning)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(9896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(6928);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __nccwpck_require__(4942);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new lib/* HttpClient */.Qq('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = _summary;
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, external_path_.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

const exec = { getExecOutput: (...args) => __nccwpck_require__.e(/* import() */ 260).then(__nccwpck_require__.bind(__nccwpck_require__, 1260)).then((m) => m.getExecOutput(...args)) };
const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${external_path_.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
// EXTERNAL MODULE: ./src/client/proxy-env.ts
var proxy_env = __nccwpck_require__(7169);
// EXTERNAL MODULE: ./src/client/transport.ts
var transport = __nccwpck_require__(4790);
;// CONCATENATED MODULE: ./src/client/http.ts
// The client's HTTP, kept small because it sits on every job's start-up path. A direct request uses Node's
// own http/https (loaded for the scheme in use); a request that must go through HTTPS_PROXY/HTTP_PROXY loads
// undici's ProxyAgent only then. Loading undici on the common path costs ~900 KB and ~60 ms of start-up.
// Either way an answer is read up to MAX_ANSWER_BYTES, never more.



function createHttpClient(opts = {}) {
    const env = opts.env ?? process.env;
    const own = opts.clientCertificate;
    const tls = { ca: opts.ca, identity: (origin) => (own && own.origin === origin ? own : undefined) };
    let proxied;
    const warmed = new Map();
    const client = async (req) => {
        const proxy = (0,proxy_env.proxyFor)(req.url, env);
        if (!proxy)
            return direct(req, tls, warmed);
        proxied ??= Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(307)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6307)).then((m) => m.proxyHttpClient(proxy, opts.ca, own));
        return (await proxied)(req);
    };
    client.warm = (target) => {
        let url;
        try {
            url = new URL(target);
        }
        catch {
            return;
        }
        if ((url.protocol === 'https:' || url.protocol === 'http:') && !(0,proxy_env.proxyFor)(url.href, env) && !warmed.has(url.origin))
            warmed.set(url.origin, preconnect(url, tls));
    };
    return client;
}
/** The early connection once it is ready; a timeout error (and the connection closed) if it is not in time. */
function readyWithin(early, timeoutMs, origin) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            void early.then((s) => s?.destroy());
            reject(new transport/* TransportError */.wX('timeout', `no answer from ${origin} within ${(timeoutMs / 1000).toFixed(1)} s`));
        }, timeoutMs);
        void early.then((s) => {
            clearTimeout(timer);
            resolve(s);
        });
    });
}
/** A connected (and for https, verified) socket to `url`'s origin, or undefined when that failed. */
async function preconnect(url, tls) {
    const https = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || (https ? 443 : 80));
    const secureContext = https ? await contextFor(url.origin, tls) : undefined;
    const socket = https
        ? (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1692, 23))).connect({ host, port, servername: (0,external_node_net_.isIP)(host) ? undefined : host, ALPNProtocols: ['http/1.1'], ...(secureContext ? { secureContext } : {}) })
        : (await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7030, 23))).connect({ host, port });
    // Nothing waits for it yet: it must not keep the step alive (readyWithin's timer does, once a request waits).
    socket.unref();
    return new Promise((resolve) => {
        const timer = setTimeout(() => done(false), 10_000).unref();
        function done(ok) {
            clearTimeout(timer);
            socket.removeAllListeners('error');
            // A late error on a socket nobody uses yet is ignored; the request that takes it sees its own errors.
            socket.on('error', () => undefined);
            if (!ok)
                socket.destroy();
            resolve(ok ? socket : undefined);
        }
        socket.once(https ? 'secureConnect' : 'connect', () => done(true));
        socket.once('error', () => done(false));
    });
}
/** The TLS context for an origin, or undefined for Node's defaults (no extra CA, no client certificate). */
async function contextFor(origin, tls) {
    const identity = tls.identity(origin);
    return tls.ca !== undefined || identity ? (0,transport/* contextTrusting */.M0)(tls.ca, identity) : undefined;
}
async function direct(req, tls, warmed) {
    const url = new URL(req.url);
    const https = url.protocol === 'https:';
    if (!https && url.protocol !== 'http:')
        throw new transport/* TransportError */.wX('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
    const mod = https ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
    const secureContext = https ? await contextFor(url.origin, tls) : undefined;
    const presented = https && tls.identity(url.origin) !== undefined;
    // A connection opened ahead by warm() serves one request, if it is ready within this request's time.
    const early = warmed.get(url.origin);
    warmed.delete(url.origin);
    const socket = early ? await readyWithin(early, req.timeoutMs, url.origin) : undefined;
    const reuse = socket && !socket.destroyed && socket.readyState === 'open' ? socket : undefined;
    if (socket && !reuse)
        socket.destroy();
    reuse?.ref();
    const headers = { ...req.headers };
    if (req.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise((resolve, reject) => {
        const r = mod.request(url, 
        // An early connection is handed over with createConnection, which Node uses only when no agent is set.
        { method: req.method, headers, ...(secureContext ? { secureContext } : {}), ...(reuse ? { agent: undefined, createConnection: () => reuse } : { agent: false }) }, (res) => {
            const chunks = [];
            const limit = req.maxBodyBytes ?? transport/* MAX_ANSWER_BYTES */.gB;
            let size = 0;
            if (Number(res.headers['content-length']) > limit)
                return void fail((0,transport/* tooLarge */.g$)(url.origin, limit));
            res.on('data', (c) => {
                size += c.length;
                if (size > limit)
                    return void fail((0,transport/* tooLarge */.g$)(url.origin, limit));
                chunks.push(c);
            });
            res.on('end', () => {
                clearTimeout(timer);
                // One request per early connection: close it rather than leave it to the server's keep-alive.
                reuse?.destroy();
                const out = {};
                for (const [k, v] of Object.entries(res.headers))
                    if (v !== undefined)
                        out[k] = Array.isArray(v) ? v.join(', ') : v;
                resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (e) => fail(e));
        });
        const timer = setTimeout(() => {
            r.destroy(new transport/* TransportError */.wX('timeout', `no answer from ${url.origin} within ${(req.timeoutMs / 1000).toFixed(1)} s`));
            reuse?.destroy();
        }, req.timeoutMs);
        function fail(e) {
            clearTimeout(timer);
            reuse?.destroy();
            r.destroy();
            reject((0,transport/* transportFailure */.qO)(e, url.origin, presented));
        }
        r.on('error', fail);
        r.end(req.body);
    });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/client/client-certificate.ts
// The client certificate a client presents to a broker behind mutual TLS (`listen.tls.client_auth`), shared
// by the action (inputs client-certificate / client-key) and the CLI (--client-cert / --client-key). Each is
// PEM text or a file path. Everything is checked before the job's token is requested, so a wrong setting
// fails at once with what to fix rather than as a TLS reset from the broker: both halves given, files
// readable, PEM, the key belonging to the certificate (X509Certificate#checkPrivateKey) and the certificate
// within its validity period. An expired certificate is refused, not warned about: the broker refuses it in
// the handshake anyway, and its refusal reaches the client as a bare connection reset.
// The key never appears in a message; callers register it with their masker (keyMaskParts) before reading.


class ClientCertificateError extends Error {
    code;
    constructor(code, message) {
        // The code is part of the message: docs/troubleshooting.md is indexed by it.
        super(`${message} (${code})`);
        this.name = 'ClientCertificateError';
        this.code = code;
    }
}
/** Whether a setting holds PEM text (otherwise it names a file). */
function isPemText(value) {
    return value.includes('-----BEGIN ');
}
/** Only one of the two given: the problem, in words naming both settings; undefined when both or neither. */
function incompleteProblem(cert, key, names) {
    const hasCert = !!cert?.trim();
    const hasKey = !!key?.trim();
    if (hasCert === hasKey)
        return undefined;
    return hasCert
        ? `${names.cert} is set but ${names.key} is not: mutual TLS needs the certificate's private key too`
        : `${names.key} is set but ${names.cert} is not: mutual TLS needs the certificate the key belongs to`;
}
/**
 * The lines of a PEM key to register with a masker: the base64 body lines (and the whole text), not the
 * `-----BEGIN/END ... PRIVATE KEY-----` armour, which is public and would star out every PEM header in the log.
 */
function keyMaskParts(pem) {
    const text = pem.replace(/\\n/g, '\n');
    const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length >= 4 && !/^-----(BEGIN|END) /.test(l) && !/^[A-Za-z-]+: /.test(l));
    return [text.trim(), ...lines].filter((v) => v !== '');
}
/** The certificate and key the settings name, checked; undefined when neither is given. */
async function loadClientCertificate(spec) {
    const { names } = spec;
    const incomplete = incompleteProblem(spec.cert, spec.key, names);
    if (incomplete)
        throw new ClientCertificateError('client_certificate_incomplete', incomplete);
    if (!spec.cert?.trim() || !spec.key?.trim())
        return undefined;
    const certText = await pemOrFile(spec.cert, names.cert, 'certificate');
    const keyText = await pemOrFile(spec.key, names.key, 'key');
    let cert;
    try {
        if (!certText.includes('-----BEGIN CERTIFICATE-----'))
            throw new Error('no certificate');
        cert = new external_node_crypto_.X509Certificate(certText);
    }
    catch {
        throw new ClientCertificateError('client_certificate_not_pem', `${names.cert}: expected a PEM certificate (-----BEGIN CERTIFICATE-----), as PEM text or the path of a file holding one`);
    }
    if (!/-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/.test(keyText)) {
        throw new ClientCertificateError('client_certificate_not_pem', `${names.key}: expected a PEM private key (-----BEGIN PRIVATE KEY-----, or RSA/EC/ENCRYPTED PRIVATE KEY), as PEM text or the path of a file holding one`);
    }
    const key = privateKey(keyText, spec.passphrase, names);
    if (!cert.checkPrivateKey(key)) {
        throw new ClientCertificateError('client_key_mismatch', `${names.key} is not the private key of the certificate in ${names.cert} (subject ${cert.subject.replace(/\n/g, ', ')}): give the key that was made with that certificate`);
    }
    const now = (spec.now ?? Date.now)();
    const notBefore = new Date(cert.validFrom);
    const notAfter = new Date(cert.validTo);
    if (notAfter.getTime() < now) {
        throw new ClientCertificateError('client_certificate_expired', `${names.cert}: the certificate expired on ${notAfter.toISOString()}; the broker would refuse it. Renew it with your CA`);
    }
    if (notBefore.getTime() > now) {
        throw new ClientCertificateError('client_certificate_expired', `${names.cert}: the certificate is not valid before ${notBefore.toISOString()}; the broker would refuse it. Check the machine's clock or the certificate`);
    }
    return {
        origin: new URL(spec.brokerUrl).origin,
        cert: certText,
        key: keyText,
        ...(spec.passphrase ? { passphrase: spec.passphrase } : {}),
        subject: cert.subject.replace(/\n/g, ', '),
        notAfter,
    };
}
/** A setting's PEM: the text itself (`\n` written as two characters accepted, as in a one-line secret), or the file it names. */
async function pemOrFile(value, name, what) {
    if (isPemText(value))
        return value.replace(/\\n/g, '\n');
    const path = value.trim();
    try {
        return await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (e) {
        const code = e.code ?? 'error';
        const shown = what === 'key' && !looksLikePath(path) ? '(not shown: it does not look like a path, and may be the key itself)' : JSON.stringify(path);
        throw new ClientCertificateError('client_certificate_unreadable', `${name}: cannot read the ${what} file ${shown} (${code}); give a readable file, or the PEM text itself`);
    }
}
/**
 * Whether a key setting that is not PEM text is shown in an error as a file name: only when it has a path's
 * shape (path characters only, with a separator or an extension). Anything else may be the key itself, its
 * armour lost (a bare base64 body has `+` or `=` almost surely, and never a path's shape otherwise).
 */
function looksLikePath(value) {
    return /^[\w.~:\\/ -]{1,1024}$/.test(value) && /[\\/]|\.\w+$/.test(value);
}
function privateKey(pem, passphrase, names) {
    const encrypted = /ENCRYPTED/.test(pem);
    try {
        return (0,external_node_crypto_.createPrivateKey)(passphrase ? { key: pem, passphrase } : { key: pem });
    }
    catch (e) {
        const code = e.code ?? '';
        if (encrypted || code === 'ERR_MISSING_PASSPHRASE') {
            const how = names.passphrase ? `give its passphrase in ${names.passphrase}` : 'give the key unencrypted (openssl pkey -in key.pem -out plain.pem)';
            throw new ClientCertificateError('client_key_passphrase', passphrase ? `${names.key}: the passphrase does not decrypt the key` : `${names.key}: the key is encrypted; ${how}`);
        }
        throw new ClientCertificateError('client_certificate_not_pem', `${names.key}: the private key cannot be read (${code || 'invalid PEM'})`);
    }
}

;// CONCATENATED MODULE: ./src/action/client-certificate.ts
// The action's client certificate for a broker behind mutual TLS (inputs client-certificate, client-key,
// client-key-passphrase). The key and the passphrase are registered with the runner's masker before anything
// is read or checked, the key again once read from a file; then the pair is checked (client/client-certificate.ts)
// and bound to the broker-url origin, the only host it is presented to.

const CLIENT_CERTIFICATE_INPUTS = { cert: 'client-certificate', key: 'client-key', passphrase: 'client-key-passphrase' };
/** A certificate this close to its end gets a warning: the job after the next renewal deadline fails. */
const EXPIRY_WARNING_DAYS = 14;
/** Registers the key input (when it is PEM text) and the passphrase with the masker. Call before reading inputs. */
function maskClientKeyInputs(core) {
    const key = core.getInput('client-key');
    if (isPemText(key))
        for (const part of keyMaskParts(key))
            core.setSecret(part);
    const passphrase = core.getInput('client-key-passphrase');
    if (passphrase !== '')
        core.setSecret(passphrase);
}
/** The checked certificate the inputs name, or undefined when they name none. Throws ClientCertificateError. */
async function actionClientCertificate(inputs, core, now = Date.now) {
    const loaded = await loadClientCertificate({
        cert: inputs.clientCertificate,
        key: inputs.clientKey,
        passphrase: inputs.clientKeyPassphrase || undefined,
        brokerUrl: inputs.brokerUrl,
        names: CLIENT_CERTIFICATE_INPUTS,
        now,
    });
    if (!loaded)
        return undefined;
    // A key read from a file: registered too, in case a later step prints the file.
    for (const part of keyMaskParts(loaded.key))
        core.setSecret(part);
    core.info(`oidc-exchange: presenting the client certificate ${loaded.subject} (valid until ${loaded.notAfter.toISOString()}) to ${loaded.origin}`);
    const daysLeft = (loaded.notAfter.getTime() - now()) / 86_400_000;
    if (daysLeft < EXPIRY_WARNING_DAYS)
        core.warning(`client-certificate expires in ${Math.max(0, Math.floor(daysLeft))} day(s), on ${loaded.notAfter.toISOString()}: renew it before the broker refuses it`);
    return loaded;
}

;// CONCATENATED MODULE: ./src/client/reserved-names.ts
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
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * A name the broker may choose on its own (no `secrets` list given): upper case, a letter first, at most 128
 * characters. Lower-case names are refused so a broker cannot reach tools that read lower-case variables only
 * (`npm_config_*`, `http_proxy`) by a spelling the deny rules would otherwise have to anticipate.
 */
const BROKER_CHOSEN_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;
const RESERVED = [
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
const CREDENTIAL_NAMES = ['NODE_AUTH_TOKEN', 'DOCKER_USERNAME', 'DOCKER_PASSWORD', 'CARGO_REGISTRY_TOKEN'];
/** The group that reserves `name`, or undefined when the name is free. */
function reservedBy(name) {
    const upper = name.toUpperCase();
    if (CREDENTIAL_NAMES.includes(upper))
        return undefined;
    return RESERVED.find((g) => g.names?.includes(upper) ||
        g.prefixes?.some((p) => upper.startsWith(p)) ||
        g.suffixes?.some((s) => upper.endsWith(s)));
}
/**
 * Why `name` cannot be exported, or undefined when it can. `chosenBy: 'broker'` applies the stricter shape a
 * broker-chosen name must have (no `secrets` list named it).
 */
function exportNameProblem(name, chosenBy = 'user') {
    if (!VARIABLE_NAME.test(name)) {
        return `${JSON.stringify(name)} is not a valid variable name (letters, digits and _, not starting with a digit)`;
    }
    if (chosenBy === 'broker' && !BROKER_CHOSEN_NAME.test(name)) {
        return `${JSON.stringify(name)} is refused: a name the broker chooses must be upper case (A-Z, 0-9, _, a letter first, at most 128 characters); list the secrets you want, with "NAME | OTHER_NAME" to rename`;
    }
    const group = reservedBy(name);
    if (group)
        return `${name} is refused: the name is reserved because ${group.why}; export the secret under another name with "NAME | OTHER_NAME"`;
    return undefined;
}

;// CONCATENATED MODULE: ./src/client/name-choice.ts
// Which secret names a job exports: the one rule the GitHub Action, the generic client (`oidc-exchange
// exchange`) and the GitLab component share (the component's shell carries the same rule, held to the same
// test table as this file).
//
// A name a later step reads decides what that step does (GOCACHEPROG runs a program on every Go build,
// CYPRESS_INSTALL_BINARY downloads one), and new such names appear faster than any deny-list grows. So the job
// chooses its names: by default it lists them, and a client with no list exports nothing. Taking "everything
// the policy grants" is an explicit opt-in, and even then every granted name must match one of the job's allow
// patterns (which the job can narrow) and pass the reserved-name deny-list, which stays as a second wall that
// no setting overrides.

/**
 * One allow pattern: upper-case letters, digits, `_` and `*` (any run of those characters). Nothing else, so a
 * pattern means the same to a JavaScript client and to a POSIX shell's `case`.
 */
const ALLOW_PATTERN = /^[A-Z0-9_*]{1,128}$/;
/** The allow patterns when the job gives none: any name of the shape a broker may choose (BROKER_CHOSEN_NAME). */
const DEFAULT_ALLOW_NAMES = '*';
const ACTION_WORDS = { list: 'list the names in the secrets input (one per line)', exportAll: 'export-all: true', allowNames: 'allow-names' };
const CLI_WORDS = { list: 'list the names with --secret NAME (once per name)', exportAll: '--export-all', allowNames: '--allow-names' };
class NameChoiceError extends Error {
    code = 'names_not_chosen';
    constructor(message) {
        super(message);
        this.name = 'NameChoiceError';
    }
}
/**
 * Why the job's choice of names cannot run, or undefined when it can: with no list the job must opt in to
 * everything granted, and a list and the opt-in together are contradictory, as are allow patterns without the
 * opt-in (they narrow nothing). Checked before any request, so a
 * job that chose nothing spends no token.
 */
function nameChoiceProblem(choice, words) {
    if (choice.listed === 0 && !choice.exportAll) {
        return `no secret names were chosen, so nothing would be exported: ${words.list}, or set ${words.exportAll} to export every name the policy grants (narrowed by ${words.allowNames})`;
    }
    if (choice.listed > 0 && choice.exportAll) {
        return `${words.exportAll} exports every name the policy grants, but names are listed too: keep the list and drop ${words.exportAll}, or the reverse`;
    }
    // Patterns given without the opt-in would be ignored, and the job would believe its names narrowed.
    const allow = choice.allow ?? [DEFAULT_ALLOW_NAMES];
    if (!choice.exportAll && (allow.length !== 1 || allow[0] !== DEFAULT_ALLOW_NAMES)) {
        return `${words.allowNames} only narrows ${words.exportAll}; with a list, the listed names are the ones exported: drop ${words.allowNames}, or drop the list and set ${words.exportAll}`;
    }
    return undefined;
}
/** The allow patterns of a setting (separated by spaces, commas or new lines), or the problems with them. */
function parseAllowNames(text, words) {
    const words_ = text.split(/[\s,]+/).filter((w) => w !== '');
    const problems = words_
        .filter((w) => !ALLOW_PATTERN.test(w))
        .map((w) => `${words.allowNames}: ${JSON.stringify(w.slice(0, 130))} is not a name pattern (upper-case letters, digits, _ and * for any run of them, e.g. APP_* DB_PASSWORD)`);
    if (words_.length === 0)
        problems.push(`${words.allowNames} is empty: give at least one name pattern, e.g. * or APP_*`);
    return { patterns: words_.filter((w) => ALLOW_PATTERN.test(w)), problems };
}
/** `name` matches one of the patterns (`*` stands for any run of characters, possibly none). */
function allowedBy(name, patterns) {
    return patterns.some((p) => new RegExp(`^${p.replace(/\*+/g, '.*')}$`).test(name));
}
/**
 * Why a name the broker granted under the opt-in cannot be exported, or undefined when it can: the shape a
 * broker-chosen name must have and the reserved names first (the wall no setting moves), then the job's allow
 * patterns.
 */
function grantedNameProblem(name, patterns, words) {
    const problem = exportNameProblem(name, 'broker');
    if (problem)
        return problem;
    if (!allowedBy(name, patterns)) {
        return `${name} is not exported: it matches none of ${words.allowNames} (${patterns.join(' ')}); widen ${words.allowNames}, or list the secrets you want instead of ${words.exportAll}`;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/client/url.ts
var url = __nccwpck_require__(1098);
;// CONCATENATED MODULE: ./src/action/inputs.ts
// The action's inputs, read with @actions/core and checked all at once, so a user fixes every problem in one
// edit. Booleans are strict (the toolkit's YAML 1.2 core schema): a typo is an error, not a silent `false`.
// broker-url must be https:// unless it is this machine: the job's token and secrets travel over it.




class InputError extends Error {
    code = 'input_invalid';
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `the inputs have ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'InputError';
        this.problems = problems;
    }
}
/**
 * The fallbacks below apply only when an input is empty: the runner passes action.yml's `default` for every
 * input the workflow omits, and a test holds each fallback equal to that default.
 */
function readInputs(core) {
    const problems = [];
    const bool = (name, fallback) => {
        const v = core.getInput(name);
        if (v === '')
            return fallback;
        try {
            return core.getBooleanInput(name);
        }
        catch {
            problems.push(`${name}: expected true or false, got ${JSON.stringify(v)}`);
            return fallback;
        }
    };
    const brokerUrl = core.getInput('broker-url');
    if (brokerUrl === '')
        problems.push('broker-url is required: the https:// address of your oidc-exchange broker (or Vault server)');
    else {
        const problem = (0,url/* cleartextProblem */.s)(brokerUrl);
        if (problem)
            problems.push(problem);
    }
    const broker = core.getInput('broker') || 'oidc-exchange';
    if (broker !== 'oidc-exchange' && broker !== 'vault')
        problems.push(`broker: expected oidc-exchange or vault, got ${JSON.stringify(broker)}`);
    const vaultRole = core.getInput('vault-role');
    if (broker === 'vault' && vaultRole === '')
        problems.push('vault-role is required with broker: vault (the role of your Vault JWT auth method)');
    const vaultAuthPath = (core.getInput('vault-auth-path') || 'jwt').replace(/^\/+|\/+$/g, '');
    if (!/^[A-Za-z0-9_.\-/]+$/.test(vaultAuthPath) || vaultAuthPath.split('/').includes('..'))
        problems.push(`vault-auth-path: expected a mount path like jwt or github-actions, got ${JSON.stringify(vaultAuthPath)}`);
    const timeoutText = core.getInput('timeout-seconds') || '60';
    const timeoutSeconds = Number(timeoutText);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        problems.push(`timeout-seconds: expected a number of seconds from 1 to 3600, got ${JSON.stringify(timeoutText)}`);
    }
    const allow = parseAllowNames(core.getInput('allow-names') || DEFAULT_ALLOW_NAMES, ACTION_WORDS);
    problems.push(...allow.problems);
    const clientCertificate = core.getInput('client-certificate');
    const clientKey = core.getInput('client-key');
    const certProblem = incompleteProblem(clientCertificate, clientKey, CLIENT_CERTIFICATE_INPUTS);
    if (certProblem)
        problems.push(`${certProblem} (client_certificate_incomplete)`);
    const inputs = {
        brokerUrl,
        audience: core.getInput('audience') || brokerUrl,
        // Kept as written (not trimmed, blank lines kept) so problems name the line the user wrote.
        secrets: core.getInput('secrets', { trimWhitespace: false }).replace(/\r\n/g, '\n'),
        broker: broker,
        vaultRole,
        vaultAuthPath,
        vaultNamespace: core.getInput('vault-namespace'),
        exportEnv: bool('export-env', true),
        exportAll: bool('export-all', false),
        allowNames: allow.patterns,
        caCertificate: core.getInput('ca-certificate'),
        clientCertificate,
        clientKey,
        clientKeyPassphrase: core.getInput('client-key-passphrase'),
        timeoutSeconds,
        debugClaims: bool('debug-claims', false),
        revoke: bool('revoke', true),
    };
    if (problems.length)
        throw new InputError(problems);
    return inputs;
}
/** `ca-certificate` as PEM, or base64 of a PEM (what fits in a one-line secret). */
function parseCaCertificate(text) {
    if (text === '')
        return '';
    if (text.includes('-----BEGIN CERTIFICATE-----'))
        return text.replace(/\\n/g, '\n');
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN CERTIFICATE-----'))
        return decoded;
    throw new InputError(['ca-certificate: expected a PEM certificate (-----BEGIN CERTIFICATE-----) or the base64 of one']);
}

// EXTERNAL MODULE: ./src/action/job-context.ts
var job_context = __nccwpck_require__(827);
// EXTERNAL MODULE: ./src/client/errors.ts
var errors = __nccwpck_require__(6468);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/action/secret-spec.ts
// The `secrets` input: one secret per line, checked completely (with line numbers) before anything is
// requested or exported.
//
//   NAME                       the broker's secret NAME, exported as NAME
//   NAME | ENV_NAME            exported as ENV_NAME
//   NAME | file:ENV_NAME       written to a 0600 file under RUNNER_TEMP; ENV_NAME holds its path
//   path key | ENV_NAME        (broker: vault) field `key` of the Vault secret at `path`
//
// Blank lines and lines starting with # are ignored.

class SecretSpecError extends Error {
    code = 'secrets_invalid';
    problems;
    constructor(problems) {
        super(`the secrets input has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}; nothing was requested or exported:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'SecretSpecError';
        this.problems = problems;
    }
}
const NAME = VARIABLE_NAME;

function parseSecretSpecs(text, mode) {
    const specs = [];
    const problems = [];
    const seen = new Map();
    text.split('\n').forEach((raw, i) => {
        const line = i + 1;
        const trimmed = raw.trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            return;
        const parts = trimmed.split('|').map((p) => p.trim());
        if (parts.length > 2)
            return void problems.push(`line ${line}: more than one "|"; expected ${mode === 'vault' ? '"path key | ENV_NAME"' : '"NAME" or "NAME | ENV_NAME"'}`);
        const [left, right] = parts;
        let spec;
        if (mode === 'vault') {
            const words = left.split(/\s+/);
            if (words.length !== 2)
                return void problems.push(`line ${line}: expected "path key | ENV_NAME" (a Vault path, a space, the field), got ${JSON.stringify(left)}`);
            const [path, key] = words;
            if (!/^[A-Za-z0-9_.\-/]+$/.test(path) || path.includes('..'))
                return void problems.push(`line ${line}: ${JSON.stringify(path)} is not a Vault path like secret/data/ci/db`);
            spec = { line, source: key, vaultPath: path.replace(/^\/+/, ''), exportName: key.toUpperCase().replace(/[^A-Z0-9_]/g, '_'), asFile: false };
        }
        else {
            if (!NAME.test(left))
                return void problems.push(`line ${line}: ${JSON.stringify(left)} is not a secret name (letters, digits and _)`);
            spec = { line, source: left, exportName: left, asFile: false };
        }
        if (right !== undefined) {
            if (right === '')
                return void problems.push(`line ${line}: nothing after "|"; write the variable name to export, or remove the "|"`);
            const file = /^file:\s*(.*)$/.exec(right);
            spec.asFile = file !== null;
            spec.exportName = file ? file[1] : right;
        }
        const problem = exportNameProblem(spec.exportName);
        if (problem)
            return void problems.push(`line ${line}: ${problem}`);
        const earlier = seen.get(spec.exportName);
        if (earlier !== undefined)
            return void problems.push(`line ${line}: ${spec.exportName} is already exported by line ${earlier}`);
        seen.set(spec.exportName, line);
        specs.push(spec);
    });
    if (mode === 'vault' && specs.length === 0 && problems.length === 0)
        problems.push('with broker: vault, list at least one "path key | ENV_NAME" line');
    if (problems.length)
        throw new SecretSpecError(problems);
    return specs;
}

;// CONCATENATED MODULE: ./src/action/state.ts
// What the main step leaves for the post step, in the runner's step state (GITHUB_STATE, handed back as
// STATE_* variables and never printed): the folder of secret files to remove and the tokens to revoke. The
// tokens themselves must be kept: GitHub and Vault both revoke a token by being called with it.
//
// The post step deletes a folder and sends tokens to URLs, so it trusts nothing in the state it cannot check
// again itself: the folder must be one this action creates directly under RUNNER_TEMP, a revocation URL must
// be GitHub's `DELETE <api>/installation/token` on the broker's host or on the job's GitHub API, and the Vault
// URL must be the broker-url input. Anything else is skipped with a warning, whoever wrote it.





const STATE_KEY = 'oidc-exchange';
/** The folder name the main step creates for `file:` secrets (mkdtemp adds six characters). */
const FILE_DIR_PREFIX = 'oidc-exchange-';
/**
 * What the main step has left for the post step so far, written to the step state each time it grows, so a
 * step that fails later still leaves it behind (a Vault token whose reads then fail is still revoked).
 */
class PostStepState {
    core;
    state = { revoke: [] };
    constructor(core) {
        this.core = core;
    }
    /**
     * Vault's login token. It is a credential the step holds, not one of the values run() masks, so it is
     * registered for masking here, the moment it exists.
     */
    keepVaultToken(vault) {
        this.core.setSecret(vault.token);
        this.state.vault = vault;
        this.save();
    }
    /** Tokens to revoke (already masked: they are among the values). */
    keepRevocable(targets) {
        if (targets.length === 0)
            return;
        this.state.revoke.push(...targets);
        this.save();
    }
    /** The folder of secret files to remove. */
    keepFileDir(dir) {
        this.state.fileDir = dir;
        this.save();
    }
    save() {
        this.core.saveState(STATE_KEY, JSON.stringify(this.state));
    }
}
/**
 * The API base a revoke entry may be sent to, or why not. The revoke contract names a method and a URL; only
 * GitHub's installation-token revocation is called, and only on a host the job already trusts.
 */
function revocationBase(entry, trusted) {
    if (typeof entry.url !== 'string')
        return { problem: 'no URL' };
    const shownUrl = (0,errors/* peerText */.qT)(entry.url, 200);
    if ((entry.method ?? 'DELETE') !== 'DELETE')
        return { problem: `method ${(0,errors/* peerText */.qT)(String(entry.method), 20)} is not DELETE` };
    const insecure = (0,url/* cleartextProblem */.s)(entry.url, 'the revocation URL');
    if (insecure)
        return { problem: `${shownUrl}: ${insecure}` };
    const u = new URL(entry.url);
    if (u.search || u.hash || !u.pathname.endsWith('/installation/token'))
        return { problem: `${shownUrl} is not a GitHub installation-token URL (…/installation/token)` };
    const apiBase = `${u.origin}${u.pathname.slice(0, -'/installation/token'.length)}`;
    const onBroker = sameOrigin(u, trusted.brokerUrl);
    const onGitHub = apiBase === trusted.githubApiUrl.replace(/\/+$/, '');
    if (!onBroker && !onGitHub)
        return { problem: `${shownUrl} is neither on the broker's host nor on the job's GitHub API (${trusted.githubApiUrl})` };
    return { apiBase };
}
function sameOrigin(u, other) {
    try {
        return new URL(other).origin === u.origin;
    }
    catch {
        return false;
    }
}
/**
 * The state, with every part checked again (see the top of this file). `skipped` says what was dropped and
 * why, for the post step to warn about.
 */
function loadCleanupState(core, ctx) {
    const text = core.getState(STATE_KEY);
    if (text === '')
        return { state: undefined, skipped: [] };
    const skipped = [];
    let parsed;
    try {
        parsed = JSON.parse(text);
        if (!parsed || typeof parsed !== 'object')
            throw new Error('not an object');
    }
    catch {
        return { state: undefined, skipped: ['the saved state is not what the main step writes; nothing was cleaned up'] };
    }
    const state = { revoke: [] };
    if (parsed.fileDir !== undefined) {
        const problem = fileDirProblem(parsed.fileDir, ctx.runnerTemp);
        if (problem)
            skipped.push(`the secret files folder: ${problem}`);
        else
            state.fileDir = parsed.fileDir;
    }
    for (const raw of Array.isArray(parsed.revoke) ? parsed.revoke : []) {
        const name = typeof raw?.name === 'string' && VARIABLE_NAME.test(raw.name) ? raw.name : undefined;
        if (!name || typeof raw.token !== 'string' || typeof raw.apiBase !== 'string') {
            skipped.push('a revocation entry without a valid name, token and API base');
            continue;
        }
        const target = revocationBase({ method: 'DELETE', url: `${raw.apiBase}/installation/token` }, ctx);
        if ('problem' in target)
            skipped.push(`revoking ${name}: ${target.problem}`);
        else
            state.revoke.push({ name, apiBase: target.apiBase, token: raw.token, ...(Number.isFinite(raw.receivedAt) ? { receivedAt: raw.receivedAt } : {}) });
    }
    const vault = parsed.vault;
    if (vault !== undefined) {
        if (typeof vault?.token !== 'string' || typeof vault.url !== 'string' || vault.url !== ctx.brokerUrl) {
            skipped.push('the Vault token: its URL is not the broker-url input');
        }
        else {
            state.vault = { url: vault.url, token: vault.token, ...(typeof vault.namespace === 'string' ? { namespace: vault.namespace } : {}) };
        }
    }
    return { state, skipped };
}
/**
 * Only a folder this action makes: `oidc-exchange-XXXXXX` directly under RUNNER_TEMP, a real directory of ours.
 * What holds on each runner is in docs/runners.md: the owner check needs POSIX uids (Linux, macOS); on Windows
 * the name, place, plain-folder and symlink/junction checks remain.
 */
function fileDirProblem(dir, runnerTemp) {
    if (typeof dir !== 'string' || !runnerTemp)
        return 'no RUNNER_TEMP, or no folder name';
    try {
        const place = fileDirPlaceProblem(dir, (0,external_node_fs_namespaceObject.realpathSync)(runnerTemp), external_node_path_namespaceObject);
        if (place)
            return `${(0,errors/* peerText */.qT)(dir, 200)} ${place}`;
        // lstat: a symbolic link (or, on Windows, a junction, which Node reports as one) is never followed.
        const st = (0,external_node_fs_namespaceObject.lstatSync)(dir);
        if (!st.isDirectory() || st.isSymbolicLink())
            return `${(0,errors/* peerText */.qT)(dir, 200)} is not a plain folder`;
        if (typeof process.getuid === 'function' && st.uid !== process.getuid())
            return `${(0,errors/* peerText */.qT)(dir, 200)} belongs to another user`;
    }
    catch (e) {
        return `${(0,errors/* peerText */.qT)(dir, 200)}: ${e.code ?? 'cannot be read'}`;
    }
    return undefined;
}
/**
 * Whether a folder named in the state is, by its spelling alone, one the main step makes: an absolute path in
 * the form join() gives it (no `.` or `..`, no doubled, trailing or, on Windows, forward separators: the
 * system would resolve `link\..` through the link, so such spellings are refused rather than tidied), named as
 * mkdtemp names ours, whose parent is RUNNER_TEMP's real path. Windows names compare case-insensitively, as
 * NTFS does (drive letters, UNC server and share included); `\\?\D:\...` is another spelling of D:\... and is
 * refused, as the main step never writes it. POSIX names compare exactly: on macOS's case-insensitive volumes
 * that can only refuse a folder, never admit another one.
 */
function fileDirPlaceProblem(dir, runnerTempReal, path) {
    if (!path.isAbsolute(dir) || path.join(path.dirname(dir), path.basename(dir)) !== dir)
        return 'is not a plain absolute path';
    if (!/^oidc-exchange-[A-Za-z0-9]{6}$/.test(path.basename(dir)))
        return 'is not a folder this action creates';
    const fold = (p) => (path.sep === '\\' ? p.toLowerCase() : p);
    if (fold(path.dirname(dir)) !== fold(runnerTempReal))
        return 'is not directly under RUNNER_TEMP';
    return undefined;
}

;// CONCATENATED MODULE: ./src/action/export.ts
// Hands the secrets to the rest of the job: as environment variables for later steps (export-env), as step
// outputs, and, for keys and certificates, as files only the job's user can read, with their paths exported
// instead of the values. Everything is checked before the first export (checkDeliveries).





/** Linux's limit for one `NAME=value` string in a process environment (MAX_ARG_STRLEN). */
const MAX_ENV_ENTRY_BYTES = 128 * 1024;
/** Windows' limit for one environment variable's value, in UTF-16 units (SetEnvironmentVariable's documentation). */
const MAX_WINDOWS_ENV_CHARS = 32_767;
/**
 * Every exported name and value checked before the first export, so a bad one leaves GITHUB_ENV untouched. A
 * name the broker chose (export-all) must also have the stricter shape a broker may use and match one of the
 * job's allow patterns. Any byte may travel: the runner reads GITHUB_ENV and GITHUB_OUTPUT so that a value
 * comes back byte for byte, final CR included, on all three systems (docs/runners.md).
 * @param opts.platform the system the runner runs on (process.platform; a test names another)
 */
function checkDeliveries(deliveries, opts) {
    const chosen = opts.namesChosenBy;
    const problems = deliveries
        .map((d) => (chosen === 'user' ? exportNameProblem(d.spec.exportName) : grantedNameProblem(d.spec.exportName, chosen.broker, ACTION_WORDS)))
        .filter((p) => p !== undefined);
    const windows = (opts.platform ?? process.platform) === 'win32';
    for (const d of deliveries) {
        if (!opts.exportEnv || d.spec.asFile)
            continue;
        const instead = `Deliver it as a file ("| file:${d.spec.exportName}_FILE") or set export-env: false and use the step output`;
        if (Buffer.byteLength(`${d.spec.exportName}=${d.value}`) + 1 > MAX_ENV_ENTRY_BYTES) {
            problems.push(`${d.spec.exportName} is ${Buffer.byteLength(d.value)} bytes, more than Linux lets one environment variable hold (128 KiB): every later step would fail to start. ${instead}`);
        }
        else if (windows && d.value.length > MAX_WINDOWS_ENV_CHARS) {
            problems.push(`${d.spec.exportName} is ${d.value.length} characters, more than Windows lets one environment variable hold (32,767): later steps would not get it. ${instead}`);
        }
    }
    if (problems.length)
        throw new SecretSpecError(problems.map((p) => `from the broker's answer: ${p}`));
}
function exportSecrets(deliveries, core, opts) {
    const names = [];
    const env = [];
    const outputs = [];
    let fileDir;
    for (const { spec, value } of deliveries) {
        let exported = value;
        if (spec.asFile) {
            if (!opts.runnerTemp)
                throw new Error(`line ${spec.line}: file: needs RUNNER_TEMP, which the runner sets for every job`);
            // Under the real path, so the post step can check the folder is directly under RUNNER_TEMP.
            fileDir ??= (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)((0,external_node_fs_namespaceObject.realpathSync)(opts.runnerTemp), FILE_DIR_PREFIX));
            exported = (0,external_node_path_namespaceObject.join)(fileDir, spec.exportName);
            // 0600 from creation on (flag wx: never follow or reuse an existing file).
            (0,external_node_fs_namespaceObject.writeFileSync)(exported, value, { mode: 0o600, flag: 'wx' });
        }
        if (opts.exportEnv)
            env.push([spec.exportName, exported]);
        outputs.push([spec.exportName, exported]);
        names.push(spec.exportName);
    }
    outputs.push(['secret-names', names.join(',')]);
    for (const [n, v] of env)
        core.exportVariable(n, v);
    for (const [n, v] of outputs)
        core.setOutput(n, v);
    return { names, fileDir };
}

;// CONCATENATED MODULE: ./src/action/id-token.ts
// The job's OIDC token, from the toolkit: core.getIDToken(audience) asks the runner's token service (the
// ACTIONS_ID_TOKEN_REQUEST_URL with `&audience=`, the runner's bearer token) and registers the token for
// masking before returning it. What this module adds: a plain explanation when the job has no token to get,
// and a time limit, because the toolkit's own client retries without one.

const NO_TOKEN_HELP = 'the runner offers no OIDC token to this job. Give the job (or the workflow) `permissions: id-token: write`; ' +
    'a job with an explicit `permissions:` block gets no other permission it does not list. Pull requests from ' +
    'forks never get an OIDC token (and no secrets): run the job on `push`, or on `pull_request_target` only if you trust the code it runs.';
function idTokenSource(env, audience, core, timeoutMs) {
    return async () => {
        // The runner sets both only for a job with `id-token: write`.
        if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
            throw new errors/* ExchangeError */.Sb('id_token_unavailable', NO_TOKEN_HELP);
        const limit = timeoutMs();
        let timer;
        try {
            return await Promise.race([
                core.getIDToken(audience),
                new Promise((_, reject) => {
                    timer = setTimeout(() => reject(new Error(`the runner's token service did not answer within ${(limit / 1000).toFixed(1)} s`)), limit);
                }),
            ]);
        }
        catch (e) {
            // The toolkit reports the token service's status as "Error Code : 401".
            const status = /Error Code : (\d{3})/.exec(e.message)?.[1];
            if (status === '401' || status === '403') {
                throw new errors/* ExchangeError */.Sb('id_token_unavailable', `the runner refused to issue an OIDC token (HTTP ${status}); ${NO_TOKEN_HELP}`);
            }
            throw new Error(`could not get the job's OIDC token: ${e.message.replace(/\s+/g, ' ').trim()}`);
        }
        finally {
            clearTimeout(timer);
        }
    };
}

;// CONCATENATED MODULE: ./src/action/mask.ts
/** Shorter fragments are not registered. */
const MIN_MASK_LENGTH = 4;
function planMasks(secrets) {
    const values = new Set();
    const tooShort = new Set();
    for (const { name, value } of secrets) {
        if (value === '')
            continue;
        const add = (fragment, structuralOk) => {
            const t = fragment.trim();
            if (t === '')
                return;
            if (!structuralOk && /^[\s{}[\],:"]*$/.test(t))
                return;
            if (t.length < MIN_MASK_LENGTH)
                return void tooShort.add(name);
            values.add(t);
            // Printed by a tool that keeps surrounding spaces, the untrimmed form is what appears.
            if (fragment !== t && !/[\r\n]/.test(fragment))
                values.add(fragment);
        };
        add(value, true);
        if (/[\r\n]/.test(value))
            for (const line of value.split(/\r?\n|\r/))
                add(line, false);
        for (const leaf of jsonLeaves(value)) {
            if (leaf === 'true' || leaf === 'false')
                tooShort.add(name);
            else
                add(leaf, true);
        }
    }
    return { values: [...values].sort((a, b) => b.length - a.length), tooShort: [...tooShort] };
}
/** Registers every value (its lines and JSON leaves too) with the runner's masker, and warns about what is too short. */
function maskSecrets(core, secrets) {
    const plan = planMasks(secrets);
    for (const value of plan.values)
        core.setSecret(value);
    for (const name of plan.tooShort) {
        core.warning(`${name}: a value, line or JSON field shorter than ${MIN_MASK_LENGTH} characters, or a true/false in a JSON secret, was not masked (masking it would star out every occurrence in the log); keep it out of the log`);
    }
}
/** Every leaf of a JSON object or array as text (strings, their lines, numbers, booleans); nothing for other values. */
function jsonLeaves(value) {
    const t = value.trim();
    if (!(t.startsWith('{') || t.startsWith('[')))
        return [];
    let parsed;
    try {
        parsed = JSON.parse(t);
    }
    catch {
        return [];
    }
    const leaves = [];
    const walk = (v) => {
        if (typeof v === 'string') {
            leaves.push(v);
            if (/[\r\n]/.test(v))
                leaves.push(...v.split(/\r?\n|\r/));
        }
        else if (typeof v === 'number' || typeof v === 'boolean') {
            leaves.push(String(v));
        }
        else if (Array.isArray(v))
            v.forEach(walk);
        else if (v && typeof v === 'object')
            Object.values(v).forEach(walk);
    };
    walk(parsed);
    // Numbers as written, too: JSON.parse rounds 12345678901234567890 and drops the 0 of 1.50, but a job
    // printing the field prints what the JSON says. Strings are matched first so digits inside them are skipped.
    for (const m of t.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
        if (!m[0].startsWith('"') && !leaves.includes(m[0]))
            leaves.push(m[0]);
    }
    return leaves;
}

// EXTERNAL MODULE: ./src/client/retry.ts + 1 modules
var retry = __nccwpck_require__(8006);
;// CONCATENATED MODULE: ./src/client/broker.ts
// The client side of `POST /v1/exchange`, shared by the GitHub Action and the CLI: the request, what the
// broker's answers mean, and its error code and message handed back as they are. The attempts (a fresh OIDC
// token each, retries on network errors, 5xx and 429, none on other 4xx) are the client's one attempt loop,
// callWithToken() in retry.ts.


async function exchangeWithBroker(req) {
    const url = `${req.brokerUrl.replace(/\/+$/, '')}/v1/exchange`;
    const body = req.secretNames ? JSON.stringify({ secrets: req.secretNames }) : undefined;
    const { value, attempts } = await (0,retry/* callWithToken */.WD)({
        peer: 'the broker',
        url: req.brokerUrl,
        getToken: req.getToken,
        http: req.http,
        retry: req.retry,
        request: (token) => ({
            method: 'POST',
            url,
            headers: {
                authorization: `Bearer ${token}`,
                accept: 'application/json',
                'user-agent': 'oidc-exchange-client',
                ...(body ? { 'content-type': 'application/json' } : {}),
            },
            body,
        }),
        said: brokerSaid,
        settle: (res, { n, claims }) => {
            if (res.status === 200)
                return { ok: parseAnswer(res.body, claims) };
            const err = parseError(res.body);
            return {
                fail: new errors/* ExchangeError */.Sb('broker_refused', `the broker refused the exchange (${res.status} ${brokerSaid(res)})`, {
                    status: res.status,
                    brokerCode: err?.error,
                    brokerMessage: err?.message,
                    claims,
                    attempts: n,
                }),
            };
        },
    });
    return { ...value, attempts };
}
/** The broker's error code and message from an answer, as quoted text: they reach the log (see peerText). */
function brokerSaid(res) {
    const err = parseError(res.body);
    return err ? `${errorCodeText(err.error)}: ${(0,errors/* peerText */.qT)(err.message)}` : `HTTP ${res.status}`;
}
function parseAnswer(text, claims) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new errors/* ExchangeError */.Sb('broker_answer_invalid', 'the broker answered 200 with a body that is not JSON; is broker-url the broker and not a web page?');
    }
    const a = parsed;
    if (!a || typeof a.secrets !== 'object' || a.secrets === null || Array.isArray(a.secrets)) {
        throw new errors/* ExchangeError */.Sb('broker_answer_invalid', 'the broker answered 200 without a "secrets" object');
    }
    const secrets = {};
    for (const [name, value] of Object.entries(a.secrets)) {
        if (typeof value !== 'string')
            throw new errors/* ExchangeError */.Sb('broker_answer_invalid', `the broker's value for ${(0,errors/* peerText */.qT)(name, 130)} is not a string`);
        secrets[name] = value;
    }
    const revoke = [];
    if (Array.isArray(a.revoke)) {
        for (const r of a.revoke) {
            if (r && typeof r.name === 'string' && typeof r.url === 'string' && r.name in secrets) {
                revoke.push({ name: r.name, method: typeof r.method === 'string' ? r.method : 'DELETE', url: r.url });
            }
        }
    }
    return {
        secrets,
        policy: typeof a.policy === 'string' ? a.policy : '(unnamed)',
        expiresAt: typeof a.expires_at === 'string' ? a.expires_at : null,
        revoke,
        claims,
    };
}
/** A stable error code (`secret_not_granted`) as it is; anything else a broker sends there, as peer text. */
function errorCodeText(code) {
    return /^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : (0,errors/* peerText */.qT)(code, 80);
}
/** The broker's `{"error", "message"}` body, or undefined when the answer is something else (a proxy's page). */
function parseError(text) {
    try {
        const j = JSON.parse(text);
        if (typeof j.error === 'string')
            return { error: j.error, message: typeof j.message === 'string' ? j.message : '' };
    }
    catch {
        /* not JSON */
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/action/providers/broker.ts
// The oidc-exchange broker as the action's secret provider: ask for the names the `secrets` input lists (or,
// with no list, everything the policy grants) and, once the values are masked, keep for the post step the
// tokens the broker says can be revoked, where the post step may send them.



function brokerProvider(ctx) {
    const { inputs, core } = ctx;
    return {
        source: 'the broker',
        aboutClaims: (e) => e.status === 401 || e.status === 403,
        async fetch(specs, getToken) {
            const wanted = specs.length ? [...new Set(specs.map((s) => s.source))] : undefined;
            const r = await exchangeWithBroker({ brokerUrl: inputs.brokerUrl, getToken, secretNames: wanted, http: ctx.http, retry: ctx.retry });
            return {
                values: Object.entries(r.secrets).map(([name, value]) => ({ name, value })),
                policy: r.policy,
                // The policy name is the broker's text: shown quoted, as every peer string is.
                policyShown: (0,errors/* peerText */.qT)(r.policy),
                expiresAt: r.expiresAt,
                claims: r.claims,
                settle() {
                    // Revocation is kept only where the post step may send a token: GitHub's API or the broker's host.
                    const targets = [];
                    const receivedAt = Date.now();
                    for (const entry of r.revoke) {
                        const target = revocationBase(entry, { brokerUrl: inputs.brokerUrl, githubApiUrl: ctx.job.apiUrl });
                        if ('problem' in target)
                            core.warning(`${(0,errors/* peerText */.qT)(entry.name, 130)} will not be revoked at the end of the job: ${target.problem}`);
                        else
                            targets.push({ name: entry.name, apiBase: target.apiBase, token: r.secrets[entry.name], receivedAt });
                    }
                    ctx.post.keepRevocable(targets);
                    const deliveries = deliveriesFor(specs, r.secrets);
                    if (r.attempts > 1)
                        core.info(`exchange succeeded on attempt ${r.attempts}`);
                    return deliveries;
                },
            };
        },
    };
}
/** Pairs each requested line with its value; with no `secrets` input, everything the broker sent, by its own name. */
function deliveriesFor(specs, secrets) {
    if (specs.length === 0) {
        return Object.entries(secrets).map(([name, value], i) => ({ spec: { line: i + 1, source: name, exportName: name, asFile: false }, value }));
    }
    const missing = specs.filter((s) => !(s.source in secrets));
    if (missing.length) {
        throw new errors/* ExchangeError */.Sb('broker_answer_invalid', `the broker's answer lacks ${missing.map((s) => `${s.source} (line ${s.line})`).join(', ')}`);
    }
    return specs.map((spec) => ({ spec, value: secrets[spec.source] }));
}

;// CONCATENATED MODULE: ./src/action/providers/index.ts

const PROVIDERS = {
    'oidc-exchange': async (ctx) => brokerProvider(ctx),
    vault: async (ctx) => (await __nccwpck_require__.e(/* import() */ 283).then(__nccwpck_require__.bind(__nccwpck_require__, 6283))).vaultProvider(ctx),
};
function secretProvider(ctx) {
    return PROVIDERS[ctx.inputs.broker](ctx);
}

;// CONCATENATED MODULE: ./src/action/summary-text.ts
// Peer text (the broker's policy name, its expiry) in the job summary, which GitHub renders from Markdown to
// HTML: every character that could start inline markup, HTML, a link (autolinks included), a table cell or a
// line break is written as an HTML entity, so the text shows as it is and cannot add links, images or rows.
// It is never at the start of a line, so `#`, `-` and `>` cannot start a heading, list or quote.

/** `text` as inline Markdown/HTML text: no markup, no line break, no link, capped like peerText(). */
function summaryText(text, max = errors/* MAX_PEER_TEXT */.C2) {
    const cut = text.length > max ? `${text.slice(0, max)}…` : text;
    return cut
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
        // Markup, HTML, table cells, and what GitHub turns into links on its own (`https:`, `a@b`, `www.`).
        .replace(/[&<>"'`\\*_[\]()|~:@]/g, (c) => `&#${c.charCodeAt(0)};`)
        .replace(/(www)\./gi, '$1&#46;');
}

;// CONCATENATED MODULE: ./src/action/summary.ts

function summaryMarkdown(deliveries, info) {
    const how = (d) => (d.spec.asFile ? 'file (path exported)' : info.exportEnv ? 'env + output' : 'output');
    // Names passed the name checks before export (letters, digits, _): safe in a code span. A Vault field is
    // whatever the workflow wrote, so it is escaped.
    const secret = (d) => (d.spec.vaultPath ? summaryText(`${d.spec.vaultPath} ${d.spec.source}`) : `\`${d.spec.source}\``);
    const rows = deliveries.map((d) => `| \`${d.spec.exportName}\` | ${secret(d)} | ${how(d)} |`);
    const expires = info.expiresAt === null ? 'not set by the broker' : Number.isNaN(Date.parse(info.expiresAt)) ? `${summaryText(info.expiresAt)} (not a date)` : summaryText(info.expiresAt);
    const job = info.job?.repository ? [`Job: ${summaryText(info.job.repository)}${info.job.runUrl ? `, [this run](${encodeURI(info.job.runUrl)})` : ''}`, ''] : [];
    return [
        `### oidc-exchange: ${deliveries.length} secret${deliveries.length === 1 ? '' : 's'} from ${info.source}`,
        '',
        ...job,
        `Policy: ${summaryText(info.policy)} · expires: ${expires}`,
        '',
        '| exported as | secret | delivered as |',
        '|---|---|---|',
        ...rows,
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/action/run.ts
// The main step, one readable flow: check the inputs, trade the job's OIDC token for secrets with the provider
// the `broker` input names, mask every value before anything can print it, check the names, export, leave
// the post step what it must clean up, and write the summary.









async function run(inputs, ctx) {
    const { core } = ctx;
    // 1. The secrets input, completely checked before any request, and the names the job chose: a list, or the
    //    explicit opt-in to everything granted (name-choice.ts). A job that chose neither spends no token.
    const specs = parseSecretSpecs(inputs.secrets, inputs.broker);
    const choiceProblem = nameChoiceProblem({ listed: specs.length, exportAll: inputs.exportAll, allow: inputs.allowNames }, ACTION_WORDS);
    if (choiceProblem)
        throw new NameChoiceError(`${choiceProblem}; nothing was requested or exported`);
    // 2. Trade the OIDC token for the values (a fresh token per attempt). The connection to the broker is
    //    opened first, so that its handshake overlaps loading the provider and the runner issuing the token.
    ctx.http.warm?.(inputs.brokerUrl);
    const { retry, timeLeft } = attemptTimes(inputs, ctx);
    const post = new PostStepState(core);
    const provider = await secretProvider({ inputs, core, http: ctx.http, retry, job: ctx.job, post });
    let received;
    let deliveries;
    try {
        received = await provider.fetch(specs, idTokenSource(ctx.env, inputs.audience, core, timeLeft));
        // 3. Mask first: nothing below may print before every value is registered. Then the provider settles
        //    (what the post step revokes) and pairs the values with the lines of the `secrets` input.
        maskSecrets(core, received.values);
        deliveries = received.settle();
    }
    catch (e) {
        // A failure about the token's claims (or any, with debug-claims) shows them: they say what to fix.
        if (e instanceof errors/* ExchangeError */.Sb && (provider.aboutClaims(e) || inputs.debugClaims))
            (await __nccwpck_require__.e(/* import() */ 582).then(__nccwpck_require__.bind(__nccwpck_require__, 8582))).explainFailure(core, e, ctx.job);
        throw e;
    }
    // 4. Every exported name is checked before the first export (with export-all, the broker chose them: they
    //    must also match allow-names).
    checkDeliveries(deliveries, { exportEnv: inputs.exportEnv, namesChosenBy: specs.length === 0 ? { broker: inputs.allowNames } : 'user' });
    // 5. Export, and leave the post step what it must remove.
    const result = exportSecrets(deliveries, core, { exportEnv: inputs.exportEnv, runnerTemp: ctx.env.RUNNER_TEMP });
    if (result.fileDir)
        post.keepFileDir(result.fileDir);
    // 6. Report names, never values.
    core.info(`oidc-exchange: ${result.names.length} secret(s) delivered under policy ${received.policyShown}: ${result.names.join(', ')}`);
    if (inputs.debugClaims)
        (await __nccwpck_require__.e(/* import() */ 582).then(__nccwpck_require__.bind(__nccwpck_require__, 8582))).printClaims(core, received.claims, "Claims of this job's OIDC token (debug-claims)", ctx.job);
    if (ctx.env.GITHUB_STEP_SUMMARY) {
        const info = { source: provider.source, policy: received.policy, expiresAt: received.expiresAt, exportEnv: inputs.exportEnv, job: ctx.job };
        await core.summary.addRaw(summaryMarkdown(deliveries, info)).write();
    }
    return { names: result.names, policy: received.policy };
}
/** timeout-seconds for all attempts and waits, at most 15 s per attempt, and what is left of it for a token request. */
function attemptTimes(inputs, ctx) {
    const deadlineMs = inputs.timeoutSeconds * 1000;
    const started = Date.now();
    const retry = {
        deadlineMs,
        attemptTimeoutMs: Math.min(deadlineMs, 15_000),
        onRetry: ({ reason, delayMs }) => ctx.core.warning(`${reason}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
        ...ctx.retry,
    };
    return { retry, timeLeft: () => Math.max(1, Math.min(retry.attemptTimeoutMs, deadlineMs - (Date.now() - started))) };
}

;// CONCATENATED MODULE: ./src/action/main.ts
// The action's main step: read the inputs, run, and turn a thrown error into a failed step.






async function main() {
    try {
        // The client key is a secret: masked before anything else can print it.
        maskClientKeyInputs(core_namespaceObject);
        const inputs = readInputs(core_namespaceObject);
        const clientCertificate = await actionClientCertificate(inputs, core_namespaceObject);
        const http = createHttpClient({ ca: parseCaCertificate(inputs.caCertificate) || undefined, ...(clientCertificate ? { clientCertificate } : {}) });
        await run(inputs, { core: core_namespaceObject, env: process.env, http, job: (0,job_context/* jobContext */.R)(process.env) });
    }
    catch (e) {
        setFailed(`oidc-exchange: ${e.message}`);
    }
}

;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/platform/replication-lag.ts
// GitHub replicates a freshly minted installation token to its API servers asynchronously. For a few seconds
// after minting, a server that has not seen it yet answers 401 ("we can't find your token yet"), or 403 when
// it has the token but not yet its permissions; GitHub hides some refusals as 404. GitHub's own SDK retries
// such an answer after 1 s, 2 s and 4 s when it comes within the token's first seconds
// (octokit/auth-app.js#65, #168, #589). Revocation has the same problem from the other side: a "Bad
// credentials" answer to a young token does not mean it is already dead, and reporting it so would leave a
// live token behind. Old tokens get no retry: for them a 401 means expired or revoked.
/** The delays before each retry, in order. */
const REPLICATION_RETRY_DELAYS_MS = [1000, 2000, 4000];
/** How long after minting an answer may still be replication lag. */
const REPLICATION_WINDOW_MS = 10_000;
/** The statuses GitHub gives a token its API servers have not caught up with. */
const LAG_STATUSES = new Set([401, 403, 404]);
/**
 * How long to wait before asking again, or undefined when the answer stands.
 * @param status the answer's HTTP status
 * @param mintedAtMs when the token was minted (undefined: unknown, so no retry)
 * @param answeredAtMs when the answer came
 * @param retriesSoFar retries already made for this request
 */
function replicationRetryDelay(status, mintedAtMs, answeredAtMs, retriesSoFar) {
    if (!LAG_STATUSES.has(status) || mintedAtMs === undefined || !Number.isFinite(mintedAtMs))
        return undefined;
    if (answeredAtMs - mintedAtMs >= REPLICATION_WINDOW_MS)
        return undefined;
    return REPLICATION_RETRY_DELAYS_MS[retriesSoFar];
}

;// CONCATENATED MODULE: ./src/action/cleanup.ts
// The post step: remove the files the main step wrote and revoke what the broker (or Vault) said can be
// revoked. GitHub App installation tokens are revoked with Octokit from @actions/github (`DELETE
// /installation/token`, authenticated by the token itself), at the API base the state names once it has
// been checked again (see state.ts). Best effort: it explains what it skipped and warns on failures, but never
// fails the job, and it never prints a token.





async function cleanup(ctx) {
    const { core } = ctx;
    // 1. The state, every part checked again before it is acted on.
    const { state, skipped } = loadCleanupState(core, ctx);
    for (const reason of skipped)
        core.warning(`oidc-exchange post: skipped ${reason}`);
    if (!state)
        return core.info('oidc-exchange post: the main step left nothing to clean up');
    // 2. The secret files.
    if (state.fileDir) {
        try {
            // Retries: on Windows a file another process (an antivirus scan, an indexer) has open cannot be removed
            // for a moment (EBUSY/EPERM); Node retries those with a growing delay.
            (0,external_node_fs_namespaceObject.rmSync)(state.fileDir, { recursive: true, force: true, maxRetries: 3 });
            core.info('oidc-exchange post: removed the secret files');
        }
        catch (e) {
            core.warning(`oidc-exchange post: could not remove ${state.fileDir}: ${e.code ?? 'error'}`);
        }
    }
    // 3. The tokens.
    if (!ctx.revoke) {
        if (state.revoke.length || state.vault)
            core.info('oidc-exchange post: revoke is false; tokens are left to expire on their own');
        return;
    }
    for (const target of state.revoke)
        await revokeInstallationToken(ctx, target);
    if (state.vault) {
        try {
            const { revokeVaultToken } = await __nccwpck_require__.e(/* import() */ 283).then(__nccwpck_require__.bind(__nccwpck_require__, 6283));
            const status = await revokeVaultToken(ctx.http, state.vault, ctx.timeoutMs);
            if (status === 204 || status === 200)
                core.info('oidc-exchange post: revoked the Vault token');
            else if (status === 403)
                core.info('oidc-exchange post: the Vault token had already expired or been revoked');
            else
                core.warning(`oidc-exchange post: revoking the Vault token answered HTTP ${status}; it stays valid until its TTL ends`);
        }
        catch (e) {
            core.warning(`oidc-exchange post: could not revoke the Vault token: ${e.message}`);
        }
    }
}
async function revokeInstallationToken(ctx, target) {
    const { core } = ctx;
    let answer;
    try {
        const revoke = await revokerFor(ctx, target);
        for (let retries = 0;; retries++) {
            answer = await revoke();
            // A job that ends seconds after the exchange can revoke a token GitHub has not replicated yet.
            const wait = answer === 'revoked' ? undefined : replicationRetryDelay(answer, target.receivedAt, Date.now(), retries);
            if (wait === undefined)
                break;
            core.info(`oidc-exchange post: GitHub does not know ${target.name} yet (HTTP ${answer}, minted seconds ago); asking again in ${wait / 1000} s`);
            await (0,external_node_timers_promises_namespaceObject.setTimeout)(wait);
        }
    }
    catch (e) {
        return core.warning(`oidc-exchange post: could not revoke ${target.name}: ${(0,errors/* peerText */.qT)(e.message)}; it stays valid until it expires`);
    }
    if (answer === 'revoked')
        core.info(`oidc-exchange post: revoked ${target.name}`);
    else if (answer === 401)
        core.info(`oidc-exchange post: ${target.name} had already expired or been revoked`);
    else
        core.warning(`oidc-exchange post: revoking ${target.name} answered HTTP ${answer}; it stays valid until it expires`);
}
/**
 * One Octokit for the token (`DELETE /installation/token`, authenticated by the token itself), and a call that
 * gives GitHub's HTTP status instead of throwing it. Each call has its own time limit.
 */
async function revokerFor(ctx, target) {
    const { getOctokit } = await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(413)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2413));
    const quiet = (m) => ctx.core.debug(`octokit: ${(0,errors/* peerText */.qT)(m)}`);
    const octokit = getOctokit(target.token, {
        baseUrl: target.apiBase,
        userAgent: 'oidc-exchange-action',
        log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
        request: { fetch: await ctx.fetch() },
    });
    return async () => {
        try {
            await octokit.rest.apps.revokeInstallationAccessToken({
                headers: { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
                request: { signal: AbortSignal.timeout(ctx.timeoutMs) },
            });
            return 'revoked';
        }
        catch (e) {
            const status = e.status;
            if (typeof status === 'number')
                return status;
            throw e;
        }
    };
}

;// CONCATENATED MODULE: ./src/action/post.ts
// The action's post step: clean up after the main step. Never fails the job.







async function post() {
    try {
        // A typo in `revoke` failed the main step already; here anything but false revokes (the safe side).
        const revoke = !['false', 'False', 'FALSE'].includes(getInput('revoke'));
        let ca;
        try {
            ca = parseCaCertificate(getInput('ca-certificate')) || undefined;
        }
        catch {
            ca = undefined;
        }
        // The broker's client certificate, for a revocation sent to the broker-url host (Vault's revoke-self); the
        // main step reported any problem with it already.
        maskClientKeyInputs(core_namespaceObject);
        let clientCertificate;
        try {
            clientCertificate = await loadClientCertificate({
                cert: getInput('client-certificate'),
                key: getInput('client-key'),
                passphrase: getInput('client-key-passphrase') || undefined,
                brokerUrl: getInput('broker-url'),
                names: CLIENT_CERTIFICATE_INPUTS,
            });
        }
        catch {
            clientCertificate = undefined;
        }
        await cleanup({
            core: core_namespaceObject,
            http: createHttpClient({ ca, ...(clientCertificate ? { clientCertificate } : {}) }),
            fetch: async () => (await Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(307)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6307))).clientFetch(process.env, ca),
            revoke,
            brokerUrl: getInput('broker-url'),
            githubApiUrl: (0,job_context/* jobContext */.R)(process.env).apiUrl,
            runnerTemp: process.env.RUNNER_TEMP,
            timeoutMs: 10_000,
        });
    }
    catch (e) {
        warning(`oidc-exchange post: ${e.message}`);
    }
}

;// CONCATENATED MODULE: ./src/action/bundle.ts
// The action's bundle (dist/action/, committed: what a workflow's `uses:` step loads). The main and post steps
// share it, so each dependency is in dist/ once; dist/index.js and dist/post.js each import it and call their
// part. The steps are loaded statically (they are small and every job runs them); everything heavy behind a
// step (Vault, Octokit, undici) is a chunk loaded only when used. Nothing runs when this module is imported.



var __webpack_exports__main = __webpack_exports__.i;
var __webpack_exports__post = __webpack_exports__.b;
export { __webpack_exports__main as main, __webpack_exports__post as post };
