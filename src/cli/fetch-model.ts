import { ensureModelFiles, modelFilesPresent } from '../meaning/model-files';

/** `npm run model:fetch`: fetches the sentence model ahead of the first start (optional). */
async function fetchModel(): Promise<void> {
  if (modelFilesPresent()) {
    console.log('The sentence model is already fetched (model/target/model).');
    return;
  }
  await ensureModelFiles(console.log);
}

fetchModel().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
