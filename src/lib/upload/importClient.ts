/**
 * Main-thread side of the import: starts the worker for a set of files, forwards progress, hands each
 * batch of accepted rows to `onBatch` (the page loads it into DuckDB) and tells the worker to go on
 * when it is done, and resolves with the worker's result. `cancel()` terminates the worker at once.
 */
import type { BatchMessage, DoneMessage, ImportOptions, ProgressMessage, WorkerMessage } from './protocol.ts';
import { browserSalt } from './importSalt.ts';

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface ImportJob {
  result: Promise<DoneMessage>;
  cancel(): void;
}

export function startImport(
  files: File[], onProgress: (p: ProgressMessage) => void, options: ImportOptions = {},
  onBatch: (tables: BatchMessage['tables']) => Promise<void> = async () => {}
): ImportJob {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(e: unknown): void } | null = null;
  const result = new Promise<DoneMessage>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
      const m = ev.data;
      if (m.type === 'progress') onProgress(m);
      else if (m.type === 'batch') {
        onBatch(m.tables).then(
          () => worker.postMessage({ type: 'ack' }),
          (e: unknown) => {
            worker.terminate();
            settle = null;
            reject(e);
          }
        );
      } else {
        worker.terminate();
        settle = null;
        if (m.type === 'done') resolve(m);
        else reject(new Error(m.detail));
      }
    };
    worker.onerror = (ev) => {
      worker.terminate();
      settle = null;
      reject(new Error(ev.message || 'import worker failed'));
    };
  });
  worker.postMessage({ type: 'start', files, options, salt: browserSalt() });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new ImportCancelled());
      settle = null;
    }
  };
}
