/**
 * Worker-thread entry (bundled as dist/apps/api/import-extraction.worker.js): decodes and extracts
 * uploaded files off the API's event loop, one request at a time, posting progress per document.
 * Framework-free on purpose: it loads only the domain extractor. The thread stays alive between
 * requests (ExtractionPool reuses it), so its start-up cost is paid once per process.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ExtractionError, extractBuffer } from '@duban/domain';
import type { ExtractionMessage, ExtractionRequest } from './extraction-protocol';

const port = parentPort;
if (!port) throw new Error('extraction.worker must run in a worker thread');

// On Linux a thread has its own nice value: lowering this one's lets the API's event-loop thread win the
// CPU when the host is busy, so requests stay quick and only the import takes longer. Elsewhere: no-op.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
} catch {
  // No /proc (macOS, Windows) or not permitted: extraction simply runs at normal priority.
}

port.on('message', (request: ExtractionRequest) => {
  const post = (message: ExtractionMessage): void => port.postMessage(message);
  let lastPost = 0;
  try {
    const extraction = extractBuffer(request.bytes, request.fileName, {
      onProgress: (done, total, measures) => {
        const now = Date.now();
        // At most ~10 messages a second: each one becomes a database update in the API.
        if (done === total || now - lastPost >= 100) {
          lastPost = now;
          post({ type: 'progress', documentsDone: done, documentsTotal: total, measuresFound: measures });
        }
      },
    });
    post({ type: 'done', extraction });
  } catch (error) {
    if (error instanceof ExtractionError) {
      post({ type: 'refused', code: error.code, message: error.message });
    } else {
      post({
        type: 'crashed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  }
});
