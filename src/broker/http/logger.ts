// The broker's JSON log, which is also its audit log: one line per exchange and per revocation. Lines to
// stdout are batched into 4 KB writes (one write syscall per line cost about a quarter of an exchange's time)
// and flushed at least every 250 ms and on shutdown, so an idle broker's audit log is never behind.
import { pino, type DestinationStream, type Logger } from 'pino';

export interface BrokerLog {
  log: Logger;
  /** Writes what is still batched and stops the flush timer (the last step of a shutdown). */
  close(): void;
}

export function createLog(opts: { logStream?: DestinationStream; logLevel?: string }): BrokerLog {
  const stdout = opts.logStream ? undefined : pino.destination({ dest: 1, sync: false, minLength: 4096 });
  const flusher = stdout ? setInterval(() => stdout.flush(), 250) : undefined;
  flusher?.unref();
  const log = pino(
    {
      level: opts.logLevel ?? 'info',
      base: { service: 'oidc-exchange-broker' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    opts.logStream ?? stdout!,
  );
  return {
    log,
    close() {
      clearInterval(flusher);
      stdout?.flushSync();
    },
  };
}
