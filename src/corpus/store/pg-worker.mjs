/**
 * The PostgreSQL store's connection, in a worker thread so the store's reads can be synchronous
 * like SQLite's: the main thread posts a numbered request and waits on a shared cell; this thread
 * runs it with `pg`, posts the rows back and stores the request's number in the cell. Plain
 * JavaScript: it runs wherever the sources run.
 *
 * Requests (each with its `id`): { sql, params } one statement; { batch: [{ sql, params }...], tx }
 * statements in order (in one transaction when `tx`), the last one's rows returned; { close: true }.
 */
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, shared } = workerData;
const answered = new Int32Array(shared);
const client = new pg.Client({ connectionString: url, application_name: 'briefdeck' });
let broken;
client.on('error', (err) => {
  broken = err;
});
let connecting;

/** Posts the answer to request `id`, then marks it answered (in that order: see SyncConnection). */
function reply(id, message) {
  port.postMessage({ ...message, id });
  Atomics.store(answered, 0, id);
  Atomics.notify(answered, 0);
}

async function handle(request) {
  const { id } = request;
  try {
    if (request.close) {
      await client.end().catch(() => {});
      reply(id, { rows: [] });
      port.close();
      return;
    }
    if (broken) throw broken;
    connecting ??= client.connect();
    await connecting;
    let result = { rows: [] };
    if (request.batch) {
      if (request.tx) await client.query('BEGIN');
      try {
        for (const s of request.batch) result = await client.query(s.sql, s.params);
        if (request.tx) await client.query('COMMIT');
      } catch (err) {
        if (request.tx) await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    } else {
      result = await client.query(request.sql, request.params);
    }
    reply(id, { rows: result.rows });
  } catch (err) {
    reply(id, { error: { message: err?.message ?? String(err), code: err?.code, where: err?.where } });
  }
}

// One request at a time, in order, even when one comes before the last was answered (after a
// request timed out on the other side).
let queue = Promise.resolve();
port.on('message', (request) => {
  queue = queue.then(() => handle(request));
});
