export const id = 613;
export const ids = [613];
export const modules = {

/***/ 63613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exitCodeOf: () => (/* binding */ exitCodeOf),
/* harmony export */   formatLintReport: () => (/* binding */ formatLintReport),
/* harmony export */   lintConfigFile: () => (/* binding */ lintConfigFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49355);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27662);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(53710);
/* harmony import */ var _client_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66468);
// Every lint finding of a configuration file, errors included (the broker would refuse them), with where they
// are in the file: what `oidc-exchange check --lint` prints (src/cli/commands/check.ts). Its exit status: 0 when
// nothing stops the broker, 1 with an error finding no policy overrides, 2 when the configuration is unusable.






/** Lints a configuration file without stopping at errors. Throws ConfigError only when it cannot be read or parsed. */
async function lintConfigFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(file, [`cannot read the file: ${e.code ?? e.message}`]);
    }
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_1__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parseDocument */ .Tp)(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
    if (doc.errors.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
    const raw = doc.toJS();
    const numberSources = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .claimNumberSources */ .iu)(doc);
    // The loader lints as it loads (enforceLint: false keeps every finding); only a configuration it refuses for
    // other reasons is linted on its own, so its findings are reported with those problems.
    let findings;
    let problems = [];
    try {
        const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_2__/* .buildConfig */ .fD)(raw, file, { checkSources: false, enforceLint: false, numberSources });
        findings = config.lintFindings;
        await config.backends.close();
    }
    catch (e) {
        if (!(e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL))
            throw e;
        problems = e.problems;
        findings = (0,_index_js__WEBPACK_IMPORTED_MODULE_4__/* .lintConfig */ .iv)(raw, numberSources).findings;
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
    const errors = r.findings.filter(_index_js__WEBPACK_IMPORTED_MODULE_4__.isBlocking).length;
    const warnings = r.findings.filter((f) => f.severity === 'warning' && f.overridden === undefined).length;
    const overridden = r.findings.filter((f) => f.overridden !== undefined).length;
    out.push(r.findings.length === 0 && r.problems.length === 0
        ? `${r.file}: no findings`
        : `${r.file}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${overridden} overridden${r.problems.length ? `, ${r.problems.length} configuration problem${r.problems.length === 1 ? '' : 's'}` : ''}`);
    return out.map(_client_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .printableLine */ .oy).join('\n') + '\n';
}
function exitCodeOf(r) {
    if (r.problems.length > 0)
        return 2;
    return r.findings.some(_index_js__WEBPACK_IMPORTED_MODULE_4__.isBlocking) ? 1 : 0;
}


/***/ })

};
