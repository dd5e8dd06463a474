/**
 * The PostgreSQL store's connection, in a worker thread so the store's reads can be synchronous
 * like SQLite's: the main thread posts a request and waits on a shared flag; this thread runs it
 * with `pg` and posts the rows back. Plain JavaScript: it runs wherever the sources run.
 *
 * Requests: { sql, params } one statement; { batch: [{ sql, params }...], tx } statements in order
 * (in one transaction when `tx`), the last one's rows returned; { close: true }.
 */
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, shared } = workerData;
const flag = new Int32Array(shared);
const client = new pg.Client({ connectionString: url, application_name: 'briefdeck' });
let broken;
client.on('error', (err) => {
  broken = err;
});
let connecting;

function reply(message) {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

port.on('message', async (request) => {
  try {
    if (request.close) {
      await client.end().catch(() => {});
      reply({ rows: [] });
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
    reply({ rows: result.rows });
  } catch (err) {
    reply({ error: { message: err?.message ?? String(err), code: err?.code, where: err?.where } });
  }
});
