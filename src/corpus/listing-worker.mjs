/**
 * A second thread for the corpus check's listing (`listing.ts`): takes the corpus folder's
 * subfolders one at a time from a counter it shares with the main thread, walks each (statting
 * its files) and posts its folders back, names joined by NUL and stamps moved, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { walkTree } from './listing-walk.mjs';

const { dir, sep, subfolders, next } = workerData;
const counter = new Int32Array(next);
try {
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= subfolders.length) break;
    const folders = walkTree(dir + sep + subfolders[i], sep).map((f) => ({ ...f, names: f.names.join('\0') }));
    parentPort.postMessage({ i, folders }, folders.map((f) => f.stamps.buffer));
  }
  parentPort.postMessage({ done: true });
} catch (err) {
  // The main thread walks what this one did not post.
  parentPort.postMessage({ error: String(err) });
}
