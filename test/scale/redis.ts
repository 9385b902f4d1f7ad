// A real redis-server for a test file, on a free loopback port, with no persistence. Tests stop it, freeze
// it and start it again on the same port to show how the broker behaves while it is gone.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, Socket } from 'node:net';

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

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let proc: ChildProcess | undefined;

  async function start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
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

  function command(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const sock = new Socket();
      let out = '';
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error('redis command timed out'));
      }, 2000);
      sock.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      sock.connect(port, '127.0.0.1', () => {
        sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
      });
      sock.on('data', (d) => {
        out += d.toString();
        if (out.endsWith('\r\n')) {
          clearTimeout(timer);
          sock.end();
          resolve(out);
        }
      });
    });
  }

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    freeze: () => proc?.kill('SIGSTOP'),
    thaw: () => proc?.kill('SIGCONT'),
    command,
  };
}
