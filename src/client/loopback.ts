// The one rule for "this machine", shared by every check that lets plain http through (the action's and the
// generic client's broker URL, the broker's own endpoints and listen address): the name `localhost` or a
// literal loopback address. A name that merely starts like one (`127.attacker.example`) is a remote host.

/** A URL's hostname (`[::1]`, as the URL parser writes it) or a bare host (`::1`, `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((o) => Number(o) <= 255);
}
