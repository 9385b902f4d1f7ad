export const id = 996;
export const ids = [996];
export const modules = {

/***/ 66996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lintCommand: () => (/* binding */ lintCommand)
});

// UNUSED EXPORTS: exitCodeOf, formatLintReport, lintConfigFile

// EXTERNAL MODULE: ./src/broker/config/yaml-errors.ts
var yaml_errors = __webpack_require__(16121);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/client/secret-files.ts
var secret_files = __webpack_require__(32849);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/broker/config/load.ts + 3 modules
var load = __webpack_require__(49355);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
// EXTERNAL MODULE: ./src/broker/lint/index.ts + 6 modules
var lint = __webpack_require__(99290);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/cli/version.ts
var version = __webpack_require__(63882);
;// CONCATENATED MODULE: ./src/broker/lint/sarif.ts
// `check --lint --sarif FILE`: the findings as SARIF 2.1.0, so a platform team can run the lint in CI and see
// them where code scanning results go (GitHub's upload-sarif; GitLab's `artifacts:reports:sarif` where the
// instance accepts it). Overridden findings are reported as suppressed, with the operator's reason.





const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** A relative path stays relative (code scanning resolves it against the repository root). */
function artifactUri(file) {
    if ((0,external_node_path_.isAbsolute)(file))
        return (0,external_node_url_.pathToFileURL)((0,external_node_path_.resolve)(file)).href;
    return file.split(external_node_path_.sep).join('/').split('/').map(encodeURIComponent).join('/');
}
function ruleName(id) {
    return id.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
}
function toSarif(file, findings, problems) {
    const uri = artifactUri(file);
    const index = new Map(lint/* RULES */.y0.map((r, i) => [r.id, i]));
    return {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'oidc-exchange policy lint',
                        // Code scanning compares runs by tool version: a rule that changed meaning shows as such.
                        semanticVersion: (0,version/* version */.r)(),
                        rules: lint/* RULES */.y0.map((r) => ({
                            id: r.id,
                            name: ruleName(r.id),
                            shortDescription: { text: r.risk.split(':')[0].slice(0, 120) },
                            fullDescription: { text: r.risk },
                            help: { text: `${r.risk}\nFix: ${r.fix}`, markdown: `${r.risk}\n\n**Fix:** ${r.fix}` },
                            defaultConfiguration: { level: r.severity },
                            properties: { tags: ['security', 'oidc', 'trust-policy'], precision: 'high', 'security-severity': r.severity === 'error' ? '8.5' : '5.0' },
                        })),
                    },
                },
                invocations: [
                    {
                        executionSuccessful: problems.length === 0,
                        toolExecutionNotifications: problems.map((p) => ({ level: 'error', message: { text: `the broker would not load this configuration: ${p}` } })),
                    },
                ],
                artifacts: [{ location: { uri } }],
                columnKind: 'utf16CodeUnits',
                results: findings.map((f) => ({
                    ruleId: f.rule,
                    ruleIndex: index.get(f.rule),
                    level: f.severity,
                    message: { text: `${f.policy ? `Policy ${f.policy}: ` : ''}${f.message}. Fix: ${f.fix}` },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri, index: 0 },
                                ...(f.line ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } } : {}),
                            },
                            logicalLocations: [{ fullyQualifiedName: f.path, ...(f.policy ? { name: f.policy } : {}), kind: 'member' }],
                        },
                    ],
                    // Stable across runs and line moves: the same rule at the same place in the same policy.
                    partialFingerprints: { 'oidcExchangeLint/v1': (0,external_node_crypto_.createHash)('sha256').update(`${f.rule}\0${f.policy ?? ''}\0${f.path}`).digest('hex').slice(0, 32) },
                    ...(f.overridden !== undefined ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.overridden }] } : {}),
                })),
            },
        ],
    };
}

// EXTERNAL MODULE: ./src/client/errors.ts
var client_errors = __webpack_require__(66468);
;// CONCATENATED MODULE: ./src/broker/lint/report.ts
// `oidc-exchange check --lint --config FILE [--json] [--sarif FILE]`: every lint finding of a configuration,
// errors included (the broker would refuse them), with where they are in the file. Exit 0 when nothing
// stops the broker, 1 with an error finding no policy overrides, 2 when the configuration is unusable.









/** Lints a configuration file without stopping at errors. Throws ConfigError only when it cannot be read or parsed. */
async function lintConfigFile(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (e) {
        throw new errors/* ConfigError */.xL(file, [`cannot read the file: ${e.code ?? e.message}`]);
    }
    const lineCounter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
    if (doc.errors.length > 0)
        throw new errors/* ConfigError */.xL(file, [(0,yaml_errors/* describeYamlErrors */.g)(doc.errors)]);
    const raw = doc.toJS();
    const numberSources = (0,load/* claimNumberSources */.iu)(doc);
    // The loader lints as it loads (enforceLint: false keeps every finding); only a configuration it refuses for
    // other reasons is linted on its own, so its findings are reported with those problems.
    let findings;
    let problems = [];
    try {
        const config = await (0,load/* buildConfig */.fD)(raw, file, { checkSources: false, enforceLint: false, numberSources });
        findings = config.lintFindings;
        await config.backends.close();
    }
    catch (e) {
        if (!(e instanceof errors/* ConfigError */.xL))
            throw e;
        problems = e.problems;
        findings = (0,lint/* lintConfig */.iv)(raw, numberSources).findings;
    }
    return { file, findings: findings.map((f) => ({ ...f, ...locate(doc, lineCounter, f.path) })), problems };
}
/** Line and column of `policies[0].claims.ref[1]` (or of the nearest enclosing node that exists). */
function locate(doc, lines, path) {
    const segments = [];
    for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
        segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    for (let n = segments.length; n > 0; n--) {
        const node = doc.getIn(segments.slice(0, n), true);
        if (node?.range) {
            const { line, col } = lines.linePos(node.range[0]);
            return { line, column: col };
        }
    }
    return {};
}
function formatLintReport(r) {
    const out = [];
    for (const f of r.findings) {
        const where = `${r.file}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}`;
        const label = f.overridden !== undefined ? `${f.severity} (overridden: ${JSON.stringify(f.overridden)})` : f.severity;
        out.push(`${where}: ${label} ${f.rule}${f.policy ? ` in policy ${f.policy}` : ''} at ${f.path}`);
        out.push(`    why: ${f.message}`);
        out.push(`    fix: ${f.fix}`);
    }
    if (r.problems.length) {
        out.push(`${r.file}: the broker would not load this configuration:`);
        for (const p of r.problems)
            out.push(`    - ${p}`);
    }
    const errors = r.findings.filter(lint/* isBlocking */.Us).length;
    const warnings = r.findings.filter((f) => f.severity === 'warning' && f.overridden === undefined).length;
    const overridden = r.findings.filter((f) => f.overridden !== undefined).length;
    out.push(r.findings.length === 0 && r.problems.length === 0
        ? `${r.file}: no findings`
        : `${r.file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${overridden} overridden${r.problems.length ? `, ${r.problems.length} configuration problem${r.problems.length === 1 ? '' : 's'}` : ''}`);
    return out.map(client_errors/* printableLine */.oy).join('\n') + '\n';
}
function exitCodeOf(r) {
    if (r.problems.length > 0)
        return 2;
    return r.findings.some(lint/* isBlocking */.Us) ? 1 : 0;
}
async function lintCommand(opts) {
    let report;
    try {
        report = await lintConfigFile(opts.config);
    }
    catch (e) {
        if (!(e instanceof errors/* ConfigError */.xL))
            throw e;
        process.stderr.write(`${e.message}\n`);
        return 2;
    }
    // Written to a fresh name (O_EXCL|O_NOFOLLOW) and renamed over the path: a link planted at FILE by a reviewed
    // change is replaced, never followed to overwrite a file outside the checkout.
    if (opts.sarif)
        await (0,secret_files/* writePrivateFile */.Pl)(opts.sarif, JSON.stringify(toSarif(opts.config, report.findings, report.problems), null, 2) + '\n');
    if (opts.json) {
        const errors = report.findings.filter(lint/* isBlocking */.Us).length;
        process.stdout.write(JSON.stringify({ file: report.file, errors, findings: report.findings, problems: report.problems, exit_code: exitCodeOf(report) }, null, 2) + '\n');
    }
    else {
        process.stdout.write(formatLintReport(report));
    }
    return exitCodeOf(report);
}


/***/ }),

/***/ 32849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ UnsafeDestinationError),
/* harmony export */   Bd: () => (/* binding */ writeSecretFiles),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   fW: () => (/* binding */ prepareOutDir),
/* harmony export */   i3: () => (/* binding */ prepareDotenv),
/* harmony export */   tq: () => (/* binding */ abandonOutDir)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
// Where the generic client puts values on disk, so that no other local user can read them, swap them or
// receive them through a planted link:
//   --out-dir DIR   DIR must not exist (it is created 0700, atomically: mkdir fails if someone made it first)
//                   or be an empty directory, not a link, owned by this user, mode 0700
//   --dotenv FILE   FILE may exist only as a regular file owned by this user (it is replaced)
// and for both, the folder that holds them must belong to this user or root and be writable by nobody else
// (or sticky, like /tmp), and must not be `/` itself (`"$UNSET/secrets"` is `/secrets`). Every file is
// written to a fresh name opened O_CREAT|O_EXCL|O_NOFOLLOW with mode 0600, synced, then renamed into place.
// Destinations are checked before the exchange: a single-use token is not spent on a folder we then refuse.




/** A destination the client refuses; `code` is stable for tests and scripts. */
class UnsafeDestinationError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'UnsafeDestinationError';
    }
}
const uid = () => process.getuid?.() ?? 0;
function describeOwner(owner) {
    return owner === uid() ? 'you' : `uid ${owner}`;
}
/** The folder that will hold a destination: ours or root's, and no one else may add or rename entries in it. */
async function checkParent(path, what) {
    const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path);
    if (parent === path || parent === '/') {
        throw new UnsafeDestinationError('root_folder', `${what} ${path} is directly in /; an unset variable in "$VAR/${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}" gives exactly that: give a path inside a folder of yours (e.g. "$RUNNER_TEMP/${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}")`);
    }
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(parent);
    }
    catch (e) {
        const code = e.code;
        throw new UnsafeDestinationError('not_found', `${what} ${path}: the folder ${parent} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`);
    }
    if (!st.isDirectory())
        throw new UnsafeDestinationError('not_found', `${what} ${path}: ${parent} is not a folder`);
    if (st.uid !== uid() && st.uid !== 0) {
        throw new UnsafeDestinationError('unsafe_parent', `${what} ${path}: the folder ${parent} belongs to ${describeOwner(st.uid)}, who could replace what is written there; use a folder of yours`);
    }
    if ((st.mode & 0o022) !== 0 && (st.mode & 0o1000) === 0) {
        throw new UnsafeDestinationError('unsafe_parent', `${what} ${path}: the folder ${parent} is writable by others (mode ${(st.mode & 0o7777).toString(8)}) without the sticky bit, so anyone could swap what is written there; use a folder only you can write to`);
    }
}
/**
 * Makes sure `dir` is a private, empty folder of ours, creating it when it does not exist. Returns whether it
 * was created here (so a failed exchange can remove it again).
 */
async function prepareOutDir(given) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(given);
    await checkParent(dir, '--out-dir');
    let created = true;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { mode: 0o700 });
    }
    catch (e) {
        if (e.code !== 'EEXIST')
            throw e;
        created = false;
    }
    const st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(dir);
    if (st.isSymbolicLink())
        throw new UnsafeDestinationError('is_link', `--out-dir ${dir} is a symbolic link; give a folder that does not exist yet`);
    if (!st.isDirectory())
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} exists and is not a folder; give a folder that does not exist yet`);
    if (st.uid !== uid())
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} belongs to ${describeOwner(st.uid)}, not to you; give a folder that does not exist yet`);
    if ((st.mode & 0o7777) !== 0o700) {
        throw new UnsafeDestinationError('not_private', `--out-dir ${dir} has mode ${(st.mode & 0o7777).toString(8)}; it must be 0700 (or not exist yet, and it is created so)`);
    }
    if (!created && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readdir)(dir)).length > 0) {
        throw new UnsafeDestinationError('not_empty', `--out-dir ${dir} is not empty; give a folder that does not exist yet, or an empty one`);
    }
    return { dir, created };
}
/** Removes an out-dir this run created, when the exchange failed before anything was written to it. */
async function abandonOutDir(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rmdir)(dir).catch(() => undefined);
}
/** Checks an env-file destination before the exchange. */
async function prepareDotenv(given) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.resolve)(given);
    await checkParent(file, '--dotenv');
    let st;
    try {
        st = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(file);
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return file;
        throw e;
    }
    if (st.isSymbolicLink())
        throw new UnsafeDestinationError('is_link', `--dotenv ${file} is a symbolic link; remove it or give another path`);
    if (!st.isFile())
        throw new UnsafeDestinationError('not_private', `--dotenv ${file} exists and is not a regular file`);
    if (st.uid !== uid())
        throw new UnsafeDestinationError('not_private', `--dotenv ${file} belongs to ${describeOwner(st.uid)}, not to you; remove it or give another path`);
    return file;
}
/** One file per secret in a folder `prepareOutDir` accepted. */
async function writeSecretFiles(dir, secrets) {
    for (const [name, value] of Object.entries(secrets))
        await writePrivateFile((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name), value);
}
/**
 * Written under a fresh name that nobody can have planted (O_EXCL) and that is never a link (O_NOFOLLOW), with
 * mode 0600 from the first byte, synced, then renamed over `path`: never readable by others, never half-written.
 */
async function writePrivateFile(path, content) {
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_3__.basename)(path)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    const fh = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(tmp, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW, 0o600);
    try {
        try {
            await fh.writeFile(content);
            await fh.sync();
        }
        finally {
            await fh.close();
        }
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, path);
    }
    catch (e) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
        throw e;
    }
}


/***/ })

};
