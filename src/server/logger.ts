import pino, { type Logger } from 'pino';

/** JSON logs, or readable lines when a person is watching a terminal. */
export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {};
  return pino({ level, ...pretty });
}
