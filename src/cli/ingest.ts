import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../editing/markdown-essay';
import { ingestEssay } from '../editing/ingest-essay';
import { DomainError } from '../domain/errors';
import { IngestRepository } from '../graph/ingest-repository';
import { NodeRepository } from '../graph/node-repository';
import { MeaningRepository } from '../graph/meaning-repository';
import { loadMeaning } from '../meaning/sentence-model';
import { loadConfig } from '../runtime/config';
import { runWithDatabase } from './cli-runtime';

/**
 * `npm run ingest -- [--dry-run] [--accept-suggestions] <files or folders>`: ingests every
 * Markdown file, with progress; an error names the file and line, the rest go on, and the exit
 * code is 1 if any failed.
 */
const args = process.argv.slice(2);
const options = { dryRun: args.includes('--dry-run'), acceptSuggestions: args.includes('--accept-suggestions') };
const targets = args.filter((arg) => !arg.startsWith('--'));

async function markdownFiles(target: string): Promise<string[]> {
  if (!(await stat(target)).isDirectory()) return [target];
  const entries = await readdir(target, { withFileTypes: true });
  const nested = await Promise.all(
    entries.filter((entry) => entry.isDirectory() || /\.(md|markdown)$/i.test(entry.name)).map((entry) => markdownFiles(path.join(target, entry.name))),
  );
  return nested.flat().sort();
}

if (targets.length === 0) {
  console.error('usage: npm run ingest -- [--dry-run] [--accept-suggestions] <files or folders>');
  process.exit(2);
}

runWithDatabase(async (database) => {
  const files = (await Promise.all(targets.map(markdownFiles))).flat();
  // Without the model, suggestions come from mentions alone (and essays get vectors at the service's next start).
  const { embedder, status } = await loadMeaning(loadConfig().meaning, console.log, { threads: 2 });
  if (status.state === 'off') console.log(`Suggestions by meaning are off: ${status.reason}.`);
  let failed = 0;
  for (const [index, file] of files.entries()) {
    const executor = database.executor();
    const meaning = { embedder, search: new MeaningRepository(executor) };
    try {
      const report = await ingestEssay(new NodeRepository(executor), new IngestRepository(executor, embedder), await readFile(file, 'utf8'), {
        ...options,
        meaning,
      });
      console.log(`[${index + 1}/${files.length}] ${file}: ${report.summary} ${report.suggestions.length} suggestion(s).`);
      for (const warning of report.warnings) console.log(`    warning: ${warning}`);
    } catch (error) {
      failed += 1;
      if (error instanceof IngestError) console.error(`${file}:${error.line ?? 1}: ${error.message.replace(/^Line \d+: /, '')}`);
      else if (error instanceof DomainError) console.error(`${file}: ${error.message}`);
      else throw error;
    }
  }
  console.log(`${files.length - failed} of ${files.length} file(s) ingested${options.dryRun ? ' (dry run: nothing written)' : ''}.`);
  return failed > 0 ? 1 : 0;
});
