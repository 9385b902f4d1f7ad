// A real redis-server for a test file, on a free loopback port, with no persistence. Tests stop it, freeze
// it and start it again on the same port to show how the broker behaves while it is gone.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface RedisOptions {
  /** Serve TLS only (rediss://), with this certificate; `ca` is what clients verify it against. */
  tls?: { certFile: string; keyFile: string; ca: string };
  /** requirepass */
  password?: string;
  /** Do not start yet: the test calls start() (a broker that comes up before its Redis). */
  deferStart?: boolean;
}

export interface RedisServer {
  port: number;
  url: string;
  /** Stop the server (SIGKILL: like a crash, nothing flushed). */
  stop(): Promise<void>;
  /** Start it again on the same port (empty: nothing was saved). */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: a server that accepts nothing and answers nothing. */
  freeze(): void;
  thaw(): void;
  /** Run a command over a plain socket (e.g. FLUSHALL), returning the raw reply. */
  command(...args: string[]): Promise<string>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startRedis(opts: RedisOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  let proc: ChildProcess | undefined;

  async function start(): Promise<void> {
    const listen = opts.tls
      ? ['--port', '0', '--tls-port', String(port), '--tls-cert-file', opts.tls.certFile, '--tls-key-file', opts.tls.keyFile, '--tls-auth-clients', 'no']
      : ['--port', String(port)];
    const auth = opts.password ? ['--requirepass', opts.password] : [];
    const child = spawn('redis-server', [...listen, ...auth, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    proc = child;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`redis-server exited: ${stderr}`);
      try {
        if ((await command('PING')).startsWith('+PONG')) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function stop(): Promise<void> {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null) return;
    p.kill('SIGCONT');
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGKILL');
    });
  }

  /** One command over a fresh connection (after AUTH when a password is set): the raw reply text. */
  function command(...args: string[]): Promise<string> {
    const frame = (a: string[]) => `*${a.length}\r\n${a.map((x) => `$${Buffer.byteLength(x)}\r\n${x}\r\n`).join('')}`;
    const authFirst = opts.password !== undefined && args[0] !== 'AUTH';
    const payload = (authFirst ? frame(['AUTH', opts.password!]) : '') + frame(args);
    const replies = authFirst ? 2 : 1;
    return new Promise((resolve, reject) => {
      const sock: Socket = opts.tls ? tlsConnect({ port, host: '127.0.0.1', ca: opts.tls.ca }, () => sock.write(payload)) : new Socket();
      let out = '';
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error('redis command timed out'));
      }, 2000);
      sock.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      if (!opts.tls) sock.connect(port, '127.0.0.1', () => sock.write(payload));
      sock.on('data', (d) => {
        out += d.toString();
        // Simple replies only (+OK, +PONG, -ERR, :n): one line each.
        if (out.endsWith('\r\n') && out.split('\r\n').length > replies) {
          clearTimeout(timer);
          sock.end();
          resolve(authFirst ? out.slice(out.indexOf('\r\n') + 2) : out);
        }
      });
    });
  }

  if (!opts.deferStart) await start();
  return {
    port,
    url: `${opts.tls ? 'rediss' : 'redis'}://127.0.0.1:${port}`,
    stop,
    start,
    freeze: () => proc?.kill('SIGSTOP'),
    thaw: () => proc?.kill('SIGCONT'),
    command,
  };
}
