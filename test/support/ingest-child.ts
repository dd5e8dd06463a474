/**
 * One ingest worker for store tests: `tsx ingest-child.ts <root> <corpusDir> <store>` fills the
 * store from the corpus folder and prints `(read) <path>` for each file it processed itself,
 * `(skipped) <path>` for each another worker had, then `done <documents>`.
 */
import { loadCorpus } from '../../src/corpus/index.ts';

const [root, corpusDir, store] = process.argv.slice(2);
const loaded = await loadCorpus({
  root,
  corpusDir,
  store,
  onFile: (path, processed) => process.stdout.write(`${processed ? '(read)' : '(skipped)'} ${path}\n`),
});
process.stdout.write(`done ${loaded.stats().documents}\n`);
loaded.close();
