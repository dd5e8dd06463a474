/** The real stages behind the rebuild loop: the corpus store, the build, the browser, the themes. */
import { buildBriefings, findSpecs } from '../build/index.ts';
import { loadCorpus } from '../corpus/load.ts';
import { BrowserSession } from '../render/browser.ts';
import { listThemes } from '../theme/index.ts';
import type { WorkspaceDeps } from './workspace.ts';

export const pipelineDeps: WorkspaceDeps = {
  findSpecs,
  loadStore: (s, onFile) => loadCorpus({ root: s.root, corpusDir: s.corpusDir, store: s.store, onFile }),
  build: buildBriefings,
  launchBrowser: (s) => BrowserSession.launch({ executablePath: s.browserPath }),
  themeParents(root) {
    try {
      return Object.fromEntries(listThemes(root).map((t) => [t.name, t.extends]));
    } catch {
      return {};
    }
  },
};
