/**
 * Worker-thread entry for {@link FaceWorkerPool}: loads the face model once in this thread
 * and describes each image it receives.
 */
import { parentPort, workerData } from 'worker_threads';
import { FaceApiMatcher, type FaceApiMatcherOptions } from './face-api-matcher';

export interface DescribeTask {
  taskId: number;
  imageBytes: Uint8Array;
}

if (!parentPort) throw new Error('face-worker must run in a worker thread');
const port = parentPort;
const matcher = new FaceApiMatcher(workerData as FaceApiMatcherOptions);

port.on('message', (task: DescribeTask) => {
  matcher.describe(task.imageBytes).then(
    (result) => port.postMessage({ taskId: task.taskId, result }),
    (error: unknown) => port.postMessage({ taskId: task.taskId, error: String(error) }),
  );
});
