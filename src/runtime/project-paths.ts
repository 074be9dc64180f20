import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The project's root, found by walking up to its package.json, so paths hold whether code runs
 * compiled from dist/ or from source under ts-jest.
 */
export function projectRoot(start = __dirname): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'thoughtgraph') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No thoughtgraph package.json above ${start}`);
    dir = parent;
  }
}

export function projectPath(...segments: string[]): string {
  return path.join(projectRoot(), ...segments);
}
