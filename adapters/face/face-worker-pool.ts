import * as path from 'path';
import { Worker } from 'worker_threads';
import {
  FaceApiMatcher,
  type DescribeResult,
  type FaceApiMatcherOptions,
  type FaceDescriber,
} from './face-api-matcher';
import type { DescribeTask } from './face-worker';

export const DEFAULT_FACE_WORKERS = 2;

interface PendingTask extends DescribeTask {
  resolve(result: DescribeResult): void;
  reject(error: Error): void;
}

type WorkerReply = { taskId: number; result: DescribeResult } | { taskId: number; error: string };

/**
 * Starts one face worker. Under tsx or vitest the entry is TypeScript, so the thread first
 * registers tsx's CommonJS loader; compiled JavaScript starts directly.
 */
function startWorker(options: FaceApiMatcherOptions): Worker {
  const entry = path.join(__dirname, 'face-worker' + path.extname(__filename));
  if (entry.endsWith('.js')) return new Worker(entry, { workerData: options });
  const source =
    `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();\n` +
    `require(${JSON.stringify(entry)});`;
  return new Worker(source, { eval: true, workerData: options });
}

/**
 * Describes images on a pool of worker threads, each with its own model copy, so concurrent
 * face checks use more than one core. A pool of two measured about 1.1 GB peak RSS for the
 * whole process, against 0.5 GB in one thread. Tasks queue first in, first out. Idle threads
 * do not keep the process alive, and {@link close} stops them at once.
 */
export class FaceWorkerPool implements FaceDescriber {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, PendingTask>();
  private readonly queue: PendingTask[] = [];
  private nextTaskId = 1;
  private closed = false;

  constructor(
    readonly size = DEFAULT_FACE_WORKERS,
    private readonly options: FaceApiMatcherOptions = {},
  ) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`face worker count must be a positive integer, got ${size}`);
    }
    // Validate the options here, so a bad threshold fails at startup and not in a thread.
    new FaceApiMatcher(options);
  }

  /** Queues an image for the next free worker. */
  describe(imageBytes: Uint8Array): Promise<DescribeResult> {
    if (this.closed) return Promise.reject(new Error('face worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ taskId: this.nextTaskId++, imageBytes, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker and rejects the queued and running tasks. */
  async close(): Promise<void> {
    this.closed = true;
    const error = new Error('face worker pool closed before the task ran');
    for (const task of this.queue.splice(0)) task.reject(error);
    for (const task of this.busy.values()) task.reject(error);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.spawnIfRoom();
      if (!worker) return;
      const task = this.queue.shift()!;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage({ taskId: task.taskId, imageBytes: task.imageBytes });
    }
  }

  private spawnIfRoom(): Worker | undefined {
    if (this.idle.length + this.busy.size >= this.size) return undefined;
    const worker = startWorker(this.options);
    worker.on('message', (reply: WorkerReply) => this.finish(worker, reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`face worker exited with ${code}`)));
    return worker;
  }

  private finish(worker: Worker, reply: WorkerReply): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    if (task) {
      if ('error' in reply) task.reject(new Error(`face worker failed: ${reply.error}`));
      else task.resolve(reply.result);
    }
    if (!this.closed) {
      worker.unref();
      this.idle.push(worker);
      this.dispatch();
    }
  }

  /** Rejects the crashed worker's task and drops the worker. The next task starts a new one. */
  private fail(worker: Worker, error: Error): void {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    const idleIndex = this.idle.indexOf(worker);
    if (idleIndex >= 0) this.idle.splice(idleIndex, 1);
    task?.reject(error);
    if (!this.closed) this.dispatch();
  }
}
