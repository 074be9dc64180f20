import { trackDownloads } from '../../../src/runtime/maven';

describe('Neo4j fetch progress', () => {
  it('reports files and megabytes every 25 downloads, ignoring other Maven output', () => {
    const lines: string[] = [];
    const track = trackDownloads((line) => lines.push(line));
    for (let i = 0; i < 50; i += 1) {
      track('[INFO] Downloading from central: https://example/a.jar');
      track(`[INFO] Downloaded from central: https://example/a${i}.jar (${i % 2 ? '1.5 MB' : '500 kB'} at 3 MB/s)`);
    }
    expect(lines).toEqual(['  fetched 25 files, 24.5 MB', '  fetched 50 files, 50.0 MB']);
  });
});
