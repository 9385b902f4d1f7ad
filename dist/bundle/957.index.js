export const id = 957;
export const ids = [957];
export const modules = {

/***/ 12957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60776);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77472);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63882);
// The `oidc-exchange` command. Each subcommand's code is loaded only when that subcommand runs (the harness's
// commands as one group), so the broker does not pay for the harness and `token` does not pay for the broker.
// Every subcommand reads its options through src/cli/options.ts: `--help`, `--version`, unknown options and
// negative numbers behave the same everywhere.



const commands = {
    broker: { summary: 'run the reference broker', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(140), __webpack_require__.e(144), __webpack_require__.e(465), __webpack_require__.e(900)]).then(__webpack_require__.bind(__webpack_require__, 81900))).brokerCommand },
    check: { summary: "which policy matches a token's claims, and why the others do not", load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(144), __webpack_require__.e(480)]).then(__webpack_require__.bind(__webpack_require__, 78480))).checkCommand },
    exchange: { summary: 'trade an OIDC token for secrets from any CI (the generic client)', load: async () => (await __webpack_require__.e(/* import() */ 704).then(__webpack_require__.bind(__webpack_require__, 49704))).exchangeCommand },
    demo: { summary: 'the whole flow on the local harness, with a report', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(140), __webpack_require__.e(144), __webpack_require__.e(465), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 7199))).demoCommand },
    issuers: { summary: 'run fake GitHub and GitLab OIDC issuers until interrupted', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(140), __webpack_require__.e(144), __webpack_require__.e(465), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 7199))).issuersCommand },
    token: { summary: 'mint a test token from a running fake issuer', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(140), __webpack_require__.e(144), __webpack_require__.e(465), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 7199))).tokenCommand },
    'gitlab-job': { summary: "run the GitLab component's job here, as a shell runner would", load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(140), __webpack_require__.e(144), __webpack_require__.e(465), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 7199))).gitlabJobCommand },
    'try-action': { summary: 'run the bundled GitHub Action against a broker configuration through the fake runner', load: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(249), __webpack_require__.e(140), __webpack_require__.e(144), __webpack_require__.e(465), __webpack_require__.e(199)]).then(__webpack_require__.bind(__webpack_require__, 7199))).tryActionCommand },
};
const usage = `usage: oidc-exchange <command> [options]
       oidc-exchange <command> --help      the command's options
       oidc-exchange --version

commands:
${Object.entries(commands)
    .map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`)
    .join('\n')}
`;
async function main(argv) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        process.stderr.write(usage);
        return 2;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(usage);
        return 0;
    }
    if (name === '--version') {
        process.stdout.write(`oidc-exchange ${(0,_version_js__WEBPACK_IMPORTED_MODULE_1__/* .version */ .r)()}\n`);
        return 0;
    }
    const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!entry) {
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_2__/* .closest */ .k)(name.replace(/^-+/, ''), Object.keys(commands));
        process.stderr.write(`oidc-exchange: unknown command ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ''}\n\n${usage}`);
        return 2;
    }
    try {
        return await (await entry.load())(rest);
    }
    catch (e) {
        if (e instanceof _options_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb)
            return (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .reportUsageError */ .gD)(e.command, e.message);
        throw e;
    }
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`oidc-exchange: ${e?.message ?? String(e)}\n`);
    process.exitCode = 1;
});


/***/ }),

/***/ 60776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K7: () => (/* binding */ keyValues),
/* harmony export */   RM: () => (/* binding */ parseCommand),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   gD: () => (/* binding */ reportUsageError),
/* harmony export */   ig: () => (/* binding */ integerOption)
/* harmony export */ });
/* unused harmony exports usageText, required */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77472);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63882);
// How every `oidc-exchange` subcommand reads its arguments: one parser (Node's `parseArgs`, strict) and one
// set of conventions, so a user learns them once:
//   --help / -h    prints the command's usage on standard output and exits 0, whatever else is given
//   --version      prints the version and exits 0
//   an unknown option, a stray argument or a missing value is an error (exit 2) that names the option, suggests
//                  the closest known one (`did you mean --broker-url?`) and says how to get the usage
//   negative numbers are values: `--ttl -300` is read as `--ttl=-300`
//   KEY=VALUE options (`--input`, `--set`, `--variable`) are split by `keyValues`, which refuses a missing `=`
// A command module declares a `CommandSpec` and calls `parseCommand(spec, args)`; the usage text is built from
// the same spec, so the help cannot drift from what is accepted.



/** A mistake in how a command was called: printed with the way to get its usage, exit status 2. */
class UsageError extends Error {
    command;
    constructor(command, message) {
        super(message);
        this.command = command;
        this.name = 'UsageError';
    }
}
const COMMON = {
    help: { type: 'boolean', short: 'h', help: 'print this help and exit' },
    version: { type: 'boolean', help: 'print the version and exit' },
};
function usageText(spec) {
    const options = { ...spec.options, ...COMMON };
    const rows = Object.entries(options).map(([name, o]) => {
        const flag = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`;
        return [flag, `${o.help}${o.multiple ? ' (repeatable)' : ''}`];
    });
    const width = Math.min(34, Math.max(...rows.map(([f]) => f.length)) + 2);
    const lines = rows.map(([f, h]) => (f.length + 2 > width ? `  ${f}\n  ${' '.repeat(width)}${h}` : `  ${f.padEnd(width)}${h}`));
    const synopsis = spec.synopsis.split('\n').map((l, i) => (i === 0 ? l : `${' '.repeat(`usage: oidc-exchange ${spec.name} `.length)}${l.trim()}`));
    return [
        `usage: oidc-exchange ${spec.name}${synopsis[0] ? ` ${synopsis[0]}` : ''}`,
        ...synopsis.slice(1),
        '',
        spec.description,
        '',
        'options:',
        ...lines,
        ...(spec.epilog ? ['', spec.epilog.trimEnd()] : []),
        '',
    ].join('\n');
}
/** Prints the error the way every command does; returns the exit status for it (2). */
function reportUsageError(command, message) {
    process.stderr.write(`oidc-exchange ${command}: ${message}\nrun "oidc-exchange ${command} --help" for its usage\n`);
    return 2;
}
/**
 * Parses `args` against the spec. Returns the values, or the exit status when the command must stop here:
 * 0 after printing the usage or the version, 2 after printing what was wrong with the arguments.
 */
function parseCommand(spec, args) {
    const options = { ...spec.options, ...COMMON };
    // --help wins over everything else on the line, even over an option it does not know.
    const helpAt = args.findIndex((a) => a === '--help' || a === '-h');
    const endOfOptions = args.indexOf('--');
    if (helpAt >= 0 && (endOfOptions < 0 || helpAt < endOfOptions)) {
        process.stdout.write(usageText(spec));
        return 0;
    }
    let values;
    try {
        ({ values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
            args: joinNegativeNumbers(args, options),
            options: Object.fromEntries(Object.entries(options).map(([k, o]) => [k, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }])),
            strict: true,
            allowPositionals: false,
        }));
    }
    catch (e) {
        return reportUsageError(spec.name, explainParseError(e, options));
    }
    if (values.version) {
        process.stdout.write(`oidc-exchange ${(0,_version_js__WEBPACK_IMPORTED_MODULE_1__/* .version */ .r)()}\n`);
        return 0;
    }
    delete values.help;
    delete values.version;
    return { values: values };
}
/**
 * `--ttl -300` → `--ttl=-300` (and `-p -1` → `--port=-1`) for options that take a value: parseArgs would
 * otherwise call the value ambiguous. Only numbers are joined; `--token-env -x` stays an error.
 */
function joinNegativeNumbers(args, options) {
    const out = [];
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (a === '--') {
            out.push(...args.slice(i));
            break;
        }
        const next = args[i + 1];
        const name = a.startsWith('--') ? a.slice(2) : /^-[A-Za-z]$/.test(a) ? Object.keys(options).find((k) => options[k].short === a.slice(1)) : undefined;
        if (name !== undefined && !name.includes('=') && options[name]?.type === 'string' && next !== undefined && /^-(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(next)) {
            out.push(`--${name}=${next}`);
            i++;
            continue;
        }
        out.push(a);
    }
    return out;
}
function explainParseError(e, options) {
    const names = Object.keys(options);
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
        const given = /'([^']+)'/.exec(e.message)?.[1] ?? '';
        const bare = given.replace(/^-+/, '').split('=')[0];
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_2__/* .closest */ .k)(bare, names);
        return `unknown option ${given}${guess ? `; did you mean --${guess}?` : ''}`;
    }
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
        const given = /'([^']*)'/.exec(e.message)?.[1] ?? '';
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_2__/* .closest */ .k)(given.split('=')[0], names);
        return `unexpected argument ${JSON.stringify(given)}: this command takes options only${guess ? `; did you mean --${guess}?` : ''}`;
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
        const [first, , howTo] = e.message.split('\n');
        const option = /'([^']+)'/.exec(first ?? '')?.[1] ?? '';
        if (/ambiguous/.test(first ?? ''))
            return `${option} needs a value; ${howTo?.replace(/^To specify/, 'to give') ?? ''}`.trim();
        return first?.replace(/^Option/, 'option') ?? e.message;
    }
    return e.message;
}
/** `--input name=value` lists as a record; a pair without `=` or with an empty name is a usage error. */
function keyValues(command, option, list) {
    const out = {};
    for (const pair of list ?? []) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new UsageError(command, `--${option} takes NAME=VALUE, got ${JSON.stringify(pair)}`);
        const key = pair.slice(0, eq);
        if (Object.hasOwn(out, key) && out[key] !== pair.slice(eq + 1)) {
            throw new UsageError(command, `--${option} ${key} is given twice with different values`);
        }
        out[key] = pair.slice(eq + 1);
    }
    return out;
}
/** A required option that is missing: a usage error that names it. */
function required(command, value, what) {
    if (value === undefined || value === '')
        throw new UsageError(command, `${what} is required`);
    return value;
}
/** A whole number within bounds (ports, counts, seconds); `what` names the option in the error. */
function integerOption(command, text, what, min, max) {
    if (text === undefined)
        return undefined;
    const n = Number(text);
    if (text.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
        throw new UsageError(command, `${what} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
    }
    return n;
}


/***/ }),

/***/ 77472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ editDistance),
/* harmony export */   k: () => (/* binding */ closest)
/* harmony export */ });
// "did you mean ...?" for option names, action inputs, component inputs and claim names: the known name
// closest to what was typed, when it is close enough to be a typo rather than a different word.
/** Edit distance (insert, delete, substitute, swap two neighbours). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.length][b.length];
}
/** The candidate closest to `given`, or undefined when none is plausibly meant. */
function closest(given, candidates) {
    const g = given.toLowerCase().replace(/_/g, '-');
    if (!g)
        return undefined;
    let best;
    for (const name of candidates) {
        const n = name.toLowerCase().replace(/_/g, '-');
        // A prefix of a longer name (`--conf`) is a likely abbreviation.
        const d = n.startsWith(g) && g.length >= 3 ? 0.5 : editDistance(g, n);
        if (!best || d < best.d)
            best = { name, d };
    }
    if (!best)
        return undefined;
    return best.d <= Math.max(2, Math.floor(g.length / 3)) ? best.name : undefined;
}


/***/ }),

/***/ 63882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ version)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
// The version users see (`oidc-exchange --version`) is package.json's, read at run time from the package the
// code was loaded from: the bundle (dist/cli/) and the sources (src/cli/) both sit two folders below it, in a
// checkout and in an installed package alike. Read lazily, so commands that never print it never pay for it.



let cached;
function version() {
    if (cached)
        return cached;
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_2__.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 4; i++) {
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir);
        try {
            const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'oidc-exchange' && pkg.version)
                return (cached = pkg.version);
        }
        catch {
            /* not here: look one folder up */
        }
    }
    return (cached = 'unknown');
}


/***/ })

};
