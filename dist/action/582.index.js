export const id = 582;
export const ids = [582];
export const modules = {

/***/ 8582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   explainFailure: () => (/* binding */ explainFailure),
/* harmony export */   printClaims: () => (/* binding */ printClaims),
/* harmony export */   refusalHelp: () => (/* binding */ refusalHelp)
/* harmony export */ });
/* harmony import */ var _client_claims_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6062);
/* harmony import */ var _job_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(827);
// Why a policy did not match, shown next to the broker's answer: which job asked (repository and run) and
// the job's own token claims (never the token). Loaded only on failure or with debug-claims.


/** A failure about the token's claims (or any, with debug-claims): the error, the job's claims, what to check. */
function explainFailure(core, e, job) {
    core.error(e.message);
    printClaims(core, e.claims, "Claims of this job's OIDC token", job);
    const help = refusalHelp(e.status);
    if (help)
        core.info(help);
}
function printClaims(core, claims, heading, job) {
    const which = job ? (0,_job_context_js__WEBPACK_IMPORTED_MODULE_1__/* .describeJob */ .h)(job) : '';
    if (which)
        core.info(`Job: ${which}`);
    if (!claims)
        return core.info(`${heading}: (the token could not be decoded)`);
    core.info(`${heading}:`);
    for (const line of (0,_client_claims_js__WEBPACK_IMPORTED_MODULE_0__/* .describeClaims */ .Zs)(claims))
        core.info(`  ${line}`);
}
function refusalHelp(status) {
    if (status === 401)
        return 'The broker did not accept the token itself: check that `audience` matches the broker\'s configured audience and that the broker trusts this issuer.';
    if (status === 403)
        return 'The token is valid but no policy grants this request: compare the claims above with the policy (try it locally with `oidc-exchange check --claims`).';
    return '';
}


/***/ })

};
