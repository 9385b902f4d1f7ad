export const id = 818;
export const ids = [818];
export const modules = {

/***/ 59818:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   withScratch: () => (/* binding */ withScratch)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// The harness commands (`demo`, `try-action`, `gitlab-job`) write keys, tokens and secret files to temporary
// folders. `withScratch` runs such a command inside one scratch folder that is removed however the command
// ends: normally, by an exception, by Ctrl-C (SIGINT), SIGTERM or SIGHUP, or when the reader of its output goes
// away (`npm run demo | head`: EPIPE). While it runs, the process's temporary directory (os.tmpdir(), which
// reads TMPDIR) points into the scratch folder, so every folder the harness's parts make with mkdtemp (the fake
// runner's, the GitLab job's) lives inside it and goes with it.



const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
async function withScratch(prefix, run) {
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), prefix));
    const previous = process.env.TMPDIR;
    let removed = false;
    const remove = () => {
        if (removed)
            return;
        removed = true;
        try {
            // A signal can arrive while the thread pool is still writing into the folder (the fake runner setting up
            // a step): a file created mid-removal makes rmdir fail with ENOTEMPTY, so try again.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
        }
        catch (e) {
            // Never let the cleanup turn a signal's exit status into a crash; say what is left behind instead.
            process.stderr.write(`oidc-exchange: could not remove ${dir} (${e.code ?? String(e)}): remove it by hand\n`);
        }
    };
    // A signal or a closed pipe ends the process here and now: remove the folder first, then exit with the
    // status a shell expects (128 + the signal's number).
    const onSignal = (signal) => {
        remove();
        process.exit(128 + SIGNALS[signal]);
    };
    const onStreamError = (e) => {
        remove();
        process.exit(e.code === 'EPIPE' ? 128 + 13 : 1);
    };
    const handlers = Object.keys(SIGNALS).map((s) => [s, () => onSignal(s)]);
    for (const [s, h] of handlers)
        process.on(s, h);
    process.stdout.on('error', onStreamError);
    process.stderr.on('error', onStreamError);
    process.on('exit', remove);
    process.env.TMPDIR = dir;
    try {
        return await run(dir);
    }
    finally {
        if (previous === undefined)
            delete process.env.TMPDIR;
        else
            process.env.TMPDIR = previous;
        for (const [s, h] of handlers)
            process.off(s, h);
        process.stdout.off('error', onStreamError);
        process.stderr.off('error', onStreamError);
        process.off('exit', remove);
        remove();
    }
}


/***/ })

};
