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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/broker/config/load.ts + 23 modules
var load = __webpack_require__(38867);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
// EXTERNAL MODULE: ./src/broker/lint/index.ts + 5 modules
var lint = __webpack_require__(53710);
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
        throw new errors/* ConfigError */.xL(file, doc.errors.map((e) => `YAML: ${e.message.split('\n')[0]}`));
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
    if (opts.sarif)
        await (0,promises_.writeFile)(opts.sarif, JSON.stringify(toSarif(opts.config, report.findings, report.problems), null, 2) + '\n');
    if (opts.json) {
        const errors = report.findings.filter(lint/* isBlocking */.Us).length;
        process.stdout.write(JSON.stringify({ file: report.file, errors, findings: report.findings, problems: report.problems, exit_code: exitCodeOf(report) }, null, 2) + '\n');
    }
    else {
        process.stdout.write(formatLintReport(report));
    }
    return exitCodeOf(report);
}


/***/ })

};
