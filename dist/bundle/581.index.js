export const id = 581;
export const ids = [581];
export const modules = {

/***/ 95581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
// The `oidc-exchange` command. Each subcommand's code is loaded only when that subcommand runs, so the
// broker does not pay for the harness and `token` does not pay for the broker.
const usage = `usage: oidc-exchange <command> [options]

commands:
  broker --config FILE [--port N] [--host H]   run the reference broker
  exchange --broker-url URL (--token-env VAR | --token-file FILE) (--out-dir DIR | --dotenv FILE | --shell)
                                               trade an OIDC token for secrets from any CI (generic client)
  check --config FILE (--claims FILE | --token JWT)
                                               which policy matches a token's claims, and why the others do not
  demo                                         the whole flow on the local harness, with a report
  issuers [--github-port N] [--gitlab-port N]  run the fake GitHub and GitLab OIDC issuers until interrupted
  token --issuer-url URL [--claims FILE] [--set k=v ...] [--audience A]
                                               mint a test token from a running fake issuer
  gitlab-job --input broker_url=URL --input audience=A (--issuer-url URL | --token JWT) [--script CMD ...]
                                               run the GitLab component's job here, as a shell runner would
  try-action --config FILE [--claims FILE] [--secrets TEXT] [--input name=value ...]
                                               run the bundled GitHub Action against a broker config through
                                               the fake runner; prints what the job would receive, masked
`;
const commands = {
    broker: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(815), __webpack_require__.e(896), __webpack_require__.e(492), __webpack_require__.e(140), __webpack_require__.e(239), __webpack_require__.e(716), __webpack_require__.e(900)]).then(__webpack_require__.bind(__webpack_require__, 81900))).brokerCommand,
    check: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(815), __webpack_require__.e(896), __webpack_require__.e(492), __webpack_require__.e(239), __webpack_require__.e(513)]).then(__webpack_require__.bind(__webpack_require__, 84513))).checkCommand,
    exchange: async () => (await __webpack_require__.e(/* import() */ 567).then(__webpack_require__.bind(__webpack_require__, 97567))).exchangeCommand,
    demo: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(815), __webpack_require__.e(896), __webpack_require__.e(492), __webpack_require__.e(140), __webpack_require__.e(239), __webpack_require__.e(716), __webpack_require__.e(895)]).then(__webpack_require__.bind(__webpack_require__, 53895))).demoCommand,
    issuers: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(896), __webpack_require__.e(452)]).then(__webpack_require__.bind(__webpack_require__, 85452))).issuersCommand,
    token: async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(896), __webpack_require__.e(452)]).then(__webpack_require__.bind(__webpack_require__, 85452))).tokenCommand,
    'gitlab-job': async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(315)]).then(__webpack_require__.bind(__webpack_require__, 15315))).gitlabJobCommand,
    'try-action': async () => (await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(815), __webpack_require__.e(896), __webpack_require__.e(492), __webpack_require__.e(140), __webpack_require__.e(239), __webpack_require__.e(716), __webpack_require__.e(980), __webpack_require__.e(124)]).then(__webpack_require__.bind(__webpack_require__, 43980))).tryActionCommand,
};
async function main(argv) {
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(usage);
        return name ? 0 : 2;
    }
    const load = commands[name];
    if (!load) {
        process.stderr.write(`oidc-exchange: unknown command ${JSON.stringify(name)}\n\n${usage}`);
        return 2;
    }
    return (await load())(rest);
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (e) => {
    process.stderr.write(`oidc-exchange: ${e?.message ?? String(e)}\n`);
    process.exitCode = 1;
});



/***/ })

};
