/**
 * Main-thread side of the import: starts the worker for a set of files, forwards progress, and
 * resolves with the worker's result. `cancel()` terminates the worker at once (nothing is loaded).
 */
import type { DoneMessage, ImportOptions, ProgressMessage, WorkerMessage } from './protocol.ts';

export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface ImportJob {
  result: Promise<DoneMessage>;
  cancel(): void;
}

export function startImport(files: File[], onProgress: (p: ProgressMessage) => void, options: ImportOptions = {}): ImportJob {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(e: unknown): void } | null = null;
  const result = new Promise<DoneMessage>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
      const m = ev.data;
      if (m.type === 'progress') onProgress(m);
      else {
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
  worker.postMessage({ type: 'start', files, options });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new ImportCancelled());
      settle = null;
    }
  };
}
