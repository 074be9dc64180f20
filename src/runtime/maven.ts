import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export type Log = (line: string) => void;

/**
 * Runs Maven in `dir` (batch mode is the caller's), turning its download lines into progress on
 * `log`; a failure carries Maven's last 30 lines.
 */
export function runMavenIn(dir: string, args: readonly string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const progress = trackDownloads(log);
    const lastLines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      progress(line);
      lastLines.push(line);
      if (lastLines.length > 30) lastLines.shift();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Maven failed (exit ${code}):\n${lastLines.join('\n')}`));
    });
  });
}

const DOWNLOADED = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|MB)/;
const UNIT_BYTES: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6 };

/** Turns Maven's download lines into a progress line every 25 files. */
export function trackDownloads(log: Log): (line: string) => void {
  let files = 0;
  let bytes = 0;
  return (line) => {
    const match = DOWNLOADED.exec(line);
    if (!match) return;
    files += 1;
    bytes += Number(match[1]) * UNIT_BYTES[match[2]!]!;
    if (files % 25 === 0) log(`  fetched ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  };
}
