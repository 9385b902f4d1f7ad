// Which URLs may carry a job's token or secrets, and the one rule for "this machine" behind it, shared by
// every check that lets plain http through (the action's and the generic client's broker URL, the revocation
// URLs the post step calls, the broker's own endpoints and listen address): the name `localhost` or a literal
// loopback address. A name that merely starts like one (`127.attacker.example`) is a remote host.

/** A URL's hostname (`[::1]`, as the URL parser writes it) or a bare host (`::1`, `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Why `url` must not carry a job's token or secrets, or undefined when it may: a URL that does not parse,
 * user info in it (`https://user:pass@host` reads as a host to many people: `http://127.0.0.1@evil/` is
 * evil), a scheme other than https, or http:// to anything but this machine (isLoopbackHost).
 */
export function cleartextProblem(url: string, what = 'broker-url'): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${what}: expected an https:// URL, got ${JSON.stringify(url)}`;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `${what}: expected an https:// URL, got the scheme ${u.protocol}`;
  if (u.username || u.password) return `${what}: remove the user name and password from the URL (${u.protocol}//...@${u.host}); the job's OIDC token is the only credential sent`;
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    return `${what}: http://${u.host} would send the job's OIDC token and the secrets in clear text over the network; use https:// (http:// is accepted only for this machine: localhost, 127.0.0.1, [::1])`;
  }
  return undefined;
}
