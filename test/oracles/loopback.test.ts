// The one "this machine" rule (src/client/url.ts) and the proxy choice built on it (src/client/proxy-env.ts),
// against hand-written hosts and URLs with the reason for each: only `localhost` and literal loopback
// addresses are this machine, so only they may be reached over plain http and never through a proxy.
import { describe, expect, it } from '@jest/globals';
import { proxyFor } from '../../src/client/proxy-env.js';
import { cleartextProblem, isLoopbackHost } from '../../src/client/url.js';

describe('which hosts are this machine', () => {
  it.each([
    ['localhost', true, 'the name every system maps to loopback'],
    ['LOCALHOST', true, 'host names ignore case'],
    ['127.0.0.1', true, 'the usual loopback address'],
    ['127.255.255.255', true, 'all of 127.0.0.0/8 is loopback'],
    ['127.0.0.0', true, 'the network address is in 127/8 too'],
    ['::1', true, 'IPv6 loopback, bare'],
    ['[::1]', true, 'IPv6 loopback as the URL parser writes it'],
    ['127.0.0.256', false, 'an octet above 255 is no address'],
    ['127.256.0.1', false, 'an octet above 255 in the middle'],
    ['127.0.0.1.evil.example', false, 'a name that starts like an address is a remote host'],
    ['127.attacker.example', false, 'a name that starts like 127 is a remote host'],
    ['x127.0.0.1', false, 'anchored at the start'],
    ['127.0.0', false, 'three octets'],
    ['127.0.0.1000', false, 'four digits in an octet'],
    ['128.0.0.1', false, 'outside 127/8'],
    ['10.0.0.1', false, 'a private address is still the network'],
    ['0.0.0.0', false, 'the unspecified address is not loopback'],
    ['localhost.evil.example', false, 'a name that starts like localhost'],
    ['evil-localhost', false, 'a name that ends like localhost'],
    ['::2', false, 'another IPv6 address'],
    ['[::]', false, 'the unspecified IPv6 address'],
    ['::ffff:127.0.0.1', false, 'an IPv4-mapped form is not accepted (the URL parser writes it in hex anyway)'],
    ['', false, 'no host'],
  ])('%j: %j (%s)', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('which URLs may carry a token or secrets', () => {
  it.each([
    ['https://broker.example', undefined],
    ['https://broker.example:8443/x', undefined],
    ['http://localhost:8080', undefined],
    ['http://127.0.0.1:8080/v1', undefined],
    ['http://127.1.2.3', undefined],
    ['http://[::1]:8080', undefined],
    ['HTTP://LOCALHOST', undefined],
    ['http://broker.example', 'broker-url: http://broker.example would send the job\'s OIDC token and the secrets in clear text over the network; use https:// (http:// is accepted only for this machine: localhost, 127.0.0.1, [::1])'],
    ['http://127.0.0.1.nip.io:8080', 'broker-url: http://127.0.0.1.nip.io:8080 would send the job\'s OIDC token and the secrets in clear text over the network; use https:// (http:// is accepted only for this machine: localhost, 127.0.0.1, [::1])'],
    ['https://user:pass@broker.example', 'broker-url: remove the user name and password from the URL (https://...@broker.example); the job\'s OIDC token is the only credential sent'],
    ['http://127.0.0.1@evil.example/', 'broker-url: remove the user name and password from the URL (http://...@evil.example); the job\'s OIDC token is the only credential sent'],
    ['https://:pass@broker.example', 'broker-url: remove the user name and password from the URL (https://...@broker.example); the job\'s OIDC token is the only credential sent'],
    ['ftp://broker.example', 'broker-url: expected an https:// URL, got the scheme ftp:'],
    ['file:///etc/passwd', 'broker-url: expected an https:// URL, got the scheme file:'],
    ['broker.example', 'broker-url: expected an https:// URL, got "broker.example"'],
    ['', 'broker-url: expected an https:// URL, got ""'],
  ])('%j: %j', (url, problem) => {
    expect(cleartextProblem(url)).toBe(problem);
  });

  it('names the input it checks', () => {
    expect(cleartextProblem('http://x.example', 'revocation url')).toMatch(/^revocation url: http:\/\/x\.example would send/);
  });
});

describe('the proxy a request goes through', () => {
  const env: Record<string, string> = { HTTPS_PROXY: 'http://proxy:3128', HTTP_PROXY: 'http://proxy:3128' };
  it.each<[string, Record<string, string>, string | undefined, string]>([
    ['http://127.0.0.1:8080/v1', env, undefined, 'plain http to this machine is always direct'],
    ['http://localhost/v1', env, undefined, 'localhost too'],
    ['http://[::1]:8080/v1', env, undefined, 'IPv6 loopback too'],
    ['https://127.0.0.1/v1', env, 'http://proxy:3128', 'https to a loopback address follows the environment (the proxy cannot read it)'],
    ['http://127.0.0.1.nip.io/v1', env, 'http://proxy:3128', 'a name that starts like loopback is remote'],
    ['http://b.example/v1', { HTTP_PROXY: 'http://p:1', http_proxy: 'http://lower:1' }, 'http://lower:1', 'lower case first, for http as for https'],
    ['http://b.example/v1', { HTTP_PROXY: 'p:1' }, 'http://p:1', 'a proxy without a scheme is http'],
    ['https://b.example/v1', { HTTPS_PROXY: '  ' }, undefined, 'a blank proxy is none'],
    ['https://b.example/v1', { HTTPS_PROXY: ' http://p:1 ' }, 'http://p:1', 'spaces around the proxy are dropped'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', no_proxy: 'b.example', NO_PROXY: 'other' }, undefined, 'lower-case no_proxy first'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*.example' }, undefined, 'a *. prefix matches sub-domains'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'B.EXAMPLE' }, undefined, 'NO_PROXY ignores case'],
    ['https://xb.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'b.example' }, 'http://p:1', 'a name is matched on a dot boundary'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'x.org b.example' }, undefined, 'entries separated by spaces'],
    ['https://b.example:8443/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'b.example:8443' }, undefined, 'a port that matches'],
    ['http://b.example/v1', { HTTP_PROXY: 'http://p:1', NO_PROXY: 'b.example:80' }, undefined, 'the default http port is 80'],
    ['http://b.example/v1', { HTTP_PROXY: 'http://p:1', NO_PROXY: 'b.example:443' }, 'http://p:1', 'not 443'],
    ['https://[2001:db8::1]/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[2001:db8::1]' }, undefined, 'an IPv6 entry in brackets'],
    ['https://[2001:db8::1]:8443/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '[2001:db8::1]:9999' }, 'http://p:1', 'an IPv6 entry with another port'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'a:b:c' }, 'http://p:1', 'an entry that reads as no host is skipped'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: ',,' }, 'http://p:1', 'empty entries are skipped'],
    ['http://b.example/v1', { HTTP_PROXY: ' p:1 ' }, 'http://p:1', 'spaces around a proxy without a scheme are dropped too'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'x:b.example' }, 'http://p:1', 'an entry is a host and a port, read whole: not its tail'],
    ['https://b.example/v1', { HTTPS_PROXY: 'http://p:1', NO_PROXY: 'b.example:443x' }, 'http://p:1', 'a port is digits to the end of the entry'],
  ])('%s via %j: %j (%s)', (url, e, proxy) => {
    expect(proxyFor(url, e)).toBe(proxy);
  });
});
