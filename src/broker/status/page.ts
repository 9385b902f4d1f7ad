// The status page as HTML: the model (model.ts) rendered on the server, every value escaped, in one response
// with no external asset. Its one style block and one script are allowed by their SHA-256 hashes in the
// Content-Security-Policy, which allows nothing else (no other script, no inline handler, no frame, no base).
//
// How an operator opens it: a browser cannot send a Bearer header on navigation, so without one the broker
// answers 401 with this page in its sign-in state (a token field, no data). The page's script sends the token
// as "Authorization: Bearer" with fetch, asks for the page again and swaps in its <main>; the playground
// posts with the same header. The token lives only in the field while the tab is open: no cookie, no storage,
// nothing in a URL, so closing the tab signs out and nothing persistent can be stolen or replayed.
import { createHash } from 'node:crypto';
import type { FindingStatus, Status } from './model.js';

const STYLE = `
body{font-family:"DejaVu Sans",sans-serif;font-size:14px;margin:0;color:#1b1f24;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:12px 20px;display:flex;flex-wrap:wrap;gap:12px;align-items:center}
header h1{font-size:18px;margin:0 24px 0 0}
header label{margin-right:6px}
input,button,textarea{font:inherit}
input,textarea{border:1px solid #8c959f;border-radius:4px;padding:4px 6px}
button{background:#0969da;color:#fff;border:0;border-radius:4px;padding:5px 12px;cursor:pointer}
:focus-visible{outline:3px solid #fb8f44;outline-offset:2px}
main{padding:8px 20px}
#playground{margin:12px 20px}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;margin:12px 0;padding:8px 14px}
h2{font-size:16px;margin:6px 0 8px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-top:1px solid #d0d7de}
th{background:#f6f8fa}
code,pre,textarea{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
.ok{color:#1a7f37;font-weight:bold}
.bad{color:#cf222e;font-weight:bold}
.warn{color:#9a6700;font-weight:bold}
.muted{color:#57606a}
#notice{margin:0;min-height:1em}
textarea{width:100%;box-sizing:border-box}
ul{margin:4px 0;padding-left:20px}
`;

// The whole client: sign in, refresh, playground. Text is inserted with textContent only.
const SCRIPT = `
(() => {
  const token = document.getElementById('admin-token');
  const notice = document.getElementById('notice');
  const headers = (extra) => Object.assign(token.value ? { authorization: 'Bearer ' + token.value } : {}, extra);
  const explain = async (res) => {
    try { const e = await res.json(); return res.status + ' ' + e.error + ': ' + e.message; } catch { return 'HTTP ' + res.status; }
  };
  document.getElementById('token-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    notice.textContent = 'Loading…';
    const res = await fetch('/-/status', { headers: headers({ accept: 'text/html' }), cache: 'no-store' });
    if (!res.ok) { notice.textContent = await explain(res); return; }
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    document.getElementById('status').replaceWith(document.adoptNode(doc.getElementById('status')));
    notice.textContent = 'Updated ' + new Date().toISOString();
  });
  document.getElementById('playground-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const out = document.getElementById('playground-result');
    out.replaceChildren();
    const line = (text, cls) => { const li = document.createElement('li'); li.textContent = text; if (cls) li.className = cls; out.append(li); return li; };
    const res = await fetch('/-/status/playground', { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: document.getElementById('claims').value });
    if (!res.ok) { line(await explain(res), 'bad'); return; }
    const r = await res.json();
    for (const p of r.problems) line('Refused before policies apply: ' + p, 'bad');
    line(r.matched ? 'Policy ' + r.matched + ' matches' : 'No policy matches: the broker would refuse this job', r.matched ? 'ok' : 'bad');
    if (r.filled_in.defaults.length) line('Taken from a typical job (not pasted): ' + r.filled_in.defaults.join(', '), 'muted');
    for (const p of r.policies) {
      if (p.name === r.matched) continue;
      const li = line(p.name + ': ' + (!p.issuer_matches ? 'another issuer' : p.matched ? 'would match, but an earlier policy decides' : 'does not match'));
      if (p.failures.length) {
        const ul = document.createElement('ul');
        for (const f of p.failures) {
          const item = document.createElement('li');
          item.textContent = f.claim + (f.reason === 'missing' ? ' is absent' : ' is ' + f.actual) + '; expected ' + f.expected.join(' or ');
          ul.append(item);
        }
        li.append(ul);
      }
    }
  });
})();
`;

const hash = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** Allows the page's own style block and script and nothing else; fetch only to this broker. */
export const STATUS_CSP = [
  "default-src 'none'",
  `style-src ${hash(STYLE)}`,
  `script-src ${hash(SCRIPT)}`,
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The headers every answer of the status routes carries (the 401 sign-in page too). */
export const STATUS_HEADERS: Record<string, string> = {
  'content-security-policy': STATUS_CSP,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The page; without a model, its sign-in state (a token field, no data). */
export function renderStatusPage(status?: Status): string {
  const main = status
    ? renderStatus(status)
    : '<section><h2>Sign in</h2><p>Enter the broker\'s admin token (the <code>admin:</code> section\'s token) above. It is sent with each request from this tab and kept nowhere else.</p></section>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>oidc-exchange broker status</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>oidc-exchange broker</h1>
<form id="token-form" method="post" action="/-/status">
<label for="admin-token">Admin token</label>
<input id="admin-token" type="password" autocomplete="off" spellcheck="false" size="34" required>
<button type="submit">Show status</button>
</form>
<p id="notice" role="status" aria-live="polite"></p>
</header>
<main id="status">${main}</main>
<section id="playground" aria-labelledby="playground-title">
<h2 id="playground-title">Policy playground</h2>
<p class="muted">Paste a token's claims (JSON). The broker checks them against its policies as <code>oidc-exchange check --claims</code> does; nothing is resolved or issued.</p>
<form id="playground-form" method="post" action="/-/status/playground">
<label for="claims">Claims</label>
<textarea id="claims" rows="6" spellcheck="false">{"repository": "octo-org/octo-repo", "ref": "refs/heads/main"}</textarea>
<button type="submit">Check claims</button>
</form>
<ul id="playground-result" aria-live="polite"></ul>
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function renderStatus(s: Status): string {
  const parts: string[] = [];
  const c = s.configuration;
  parts.push(
    section(
      'Broker',
      `<p>Version <code>${esc(s.version)}</code> · configuration generation ${c.generation}${c.last_reload_failed ? ' · <span class="bad">the last reload failed: the file on disk is not what is served</span>' : ''} · snapshot ${esc(s.generated_at)}</p>` +
        `<p>Exchanges since start: <span class="ok">${s.exchanges.granted} granted</span>, ${s.exchanges.denied} refused, ${s.exchanges.error} failed</p>` +
        (c.findings.length ? findingList(c.findings) : ''),
    ),
  );
  parts.push(
    section(
      'Issuers',
      table(
        ['Issuer', 'Keys', 'Key ids', 'Fetched', 'Last error'],
        s.issuers.map((i) => [
          `<strong>${esc(i.id)}</strong><br><code>${esc(i.issuer)}</code>`,
          i.usable ? '<span class="ok">usable</span>' : '<span class="bad">not usable</span>',
          i.key_ids.length ? i.key_ids.map((k) => `<code>${esc(k)}</code>`).join('<br>') : '<span class="muted">none</span>',
          i.keys_age_seconds === null ? '<span class="muted">never</span>' : `${i.keys_age_seconds} s ago${i.discovered ? ' (discovery and JWKS)' : ' (JWKS)'}`,
          i.last_error ? `<span class="bad">${esc(i.last_error)}</span>` : '<span class="muted">none</span>',
        ]),
      ),
    ),
  );
  parts.push(
    section(
      'Policies',
      table(
        ['Policy', 'Issuer', 'Grants', 'Lint'],
        s.policies.map((p) => [
          `<strong>${esc(p.name)}</strong>${p.single_use ? '' : ' <span class="warn">(tokens reusable)</span>'}`,
          esc(p.issuer),
          p.secrets.map((n) => `<code>${esc(n)}</code>`).join(', '),
          p.findings.length ? findingList(p.findings) : '<span class="ok">clean</span>',
        ]),
      ),
    ),
  );
  parts.push(
    section(
      `Last refusals (${s.refusals.length})`,
      s.refusals.length === 0
        ? '<p class="muted">No exchange refused since start.</p>'
        : table(
            ['When', 'Code', 'Who (claims of the token)'],
            s.refusals.map((r) => [
              esc(r.at),
              `<code>${esc(r.code)}</code> ${r.status}${r.policy ? `<br>policy ${esc(r.policy)}` : ''}`,
              (r.verified ? '' : '<span class="warn">unverified</span> ') +
                Object.entries(r.claims)
                  .map(([k, v]) => `${esc(k)}=<code>${esc(v)}</code>`)
                  .join(' '),
            ]),
          ),
    ),
  );
  const st = s.store;
  parts.push(
    section(
      'Store and secret backends',
      table(
        ['Dependency', 'State', 'Activity', 'Last error'],
        [
          [
            `store <code>${esc(st.where)}</code>`,
            `${st.up ? '<span class="ok">up</span>' : '<span class="bad">down</span>'} (ping ${st.latency_ms < 1 ? 'under 1' : Math.round(st.latency_ms)} ms)`,
            '',
            st.last_error ? `<span class="bad">${esc(st.last_error)}</span> at ${esc(st.last_error_at ?? '')}` : '<span class="muted">none</span>',
          ],
          ...s.backends.map((b) => [
            `${esc(b.kind)} <strong>${esc(b.name)}</strong><br><code>${esc(b.origin)}</code>`,
            b.last_error_at && (!b.last_ok_at || b.last_error_at >= b.last_ok_at) ? '<span class="bad">failing</span>' : b.last_ok_at ? '<span class="ok">serving</span>' : '<span class="muted">not used yet</span>',
            `${b.fetched} fetched${b.last_fetch_ms === null ? '' : ` (last in ${b.last_fetch_ms} ms)`}, ${b.hits} from cache, ${b.errors} failed`,
            b.last_error ? `<span class="bad">${esc(b.last_error)}</span> at ${esc(b.last_error_at ?? '')}` : '<span class="muted">none</span>',
          ]),
        ],
      ),
    ),
  );
  if (s.github_apps.length) {
    parts.push(
      section(
        'GitHub Apps',
        table(
          ['App', 'Quota left', 'Resets', 'Sending', 'In flight / queued'],
          s.github_apps.map((a) => [
            `<strong>${esc(a.app)}</strong>${a.installation ? `<br>installation <code>${esc(a.installation)}</code>` : ''}`,
            a.limit === null || a.remaining === null
              ? '<span class="muted">GitHub sent no rate-limit headers yet</span>'
              : `<span class="${a.remaining === 0 ? 'bad' : a.remaining < a.limit / 10 ? 'warn' : 'ok'}">${a.remaining} of ${a.limit}</span>`,
            a.reset_at ? esc(a.reset_at) : '<span class="muted">unknown</span>',
            a.blocked_until ? `<span class="bad">held until ${esc(a.blocked_until)}</span> (${esc(a.blocked_by ?? '')} limit)` : '<span class="ok">yes</span>',
            `${a.in_flight} / ${a.queued}`,
          ]),
        ),
      ),
    );
  }
  const rv = s.revocations;
  parts.push(
    section(
      'Revocations',
      rv.enabled
        ? `<p>${rv.revoked} revoked, ${rv.already} already revoked or expired, ${rv.unknown} not issued here, ${rv.failed} failed</p>`
        : '<p class="muted">The Token Revocation API is not enabled (no <code>revocation:</code> section).</p>',
    ),
  );
  return parts.join('\n');
}

function section(title: string, body: string): string {
  return `<section><h2>${esc(title)}</h2>${body}</section>`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function findingList(findings: FindingStatus[]): string {
  const items = findings.map(
    (f) =>
      `<li><span class="${f.severity === 'error' ? 'bad' : 'warn'}">${esc(f.severity)}</span> <code>${esc(f.rule)}</code>: ${esc(f.message)}` +
      (f.overridden !== null ? ` <span class="warn">accepted with allow_risky:</span> “${esc(f.overridden)}”` : '') +
      '</li>',
  );
  return `<ul>${items.join('')}</ul>`;
}

/** Text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
