import * as path from 'path';
import type * as FaceApiModule from '@vladmandic/face-api/dist/face-api.node-wasm';
import { version as faceApiVersion } from '@vladmandic/face-api/package.json';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** The `.wasm` binaries shipped inside the backend package; never fetched from a network. */
const WASM_DIR = path.join(REPO_ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
/** Weights shipped inside the face-api package. */
const MODEL_DIR = path.join(REPO_ROOT, 'node_modules/@vladmandic/face-api/model');

/** Names the library and nets behind every descriptor, so stored results can be traced. */
export const FACE_MODEL_VERSION = `face-api-${faceApiVersion}/ssd-mobilenetv1/facerecognition`;

export type FaceApi = typeof FaceApiModule;
export type Tfjs = typeof import('@tensorflow/tfjs');

/**
 * Returns the tfjs module, loading it on first use. tfjs and face-api add about 100 MB to a
 * process, which processes that never compare faces (the daily job, admin commands) skip.
 */
export function tfjs(): Tfjs {
  return require('@tensorflow/tfjs') as Tfjs;
}

let loading: Promise<FaceApi> | undefined;

async function loadNets(): Promise<FaceApi> {
  const tf = tfjs();
  const { setWasmPaths } = require('@tensorflow/tfjs-backend-wasm') as typeof import('@tensorflow/tfjs-backend-wasm');
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm') as FaceApi;
  // A trailing separator makes tfjs treat the path as a folder prefix for all wasm variants.
  setWasmPaths(WASM_DIR + path.sep);
  // face-api's node-wasm build requires this same `@tensorflow/tfjs` module instance.
  await tf.setBackend('wasm');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(MODEL_DIR);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(MODEL_DIR);
  return faceapi;
}

/**
 * Loads the wasm backend and the detector, landmark and recognition nets once per process.
 * Concurrent callers share one load. A failed load is forgotten, so the next call retries.
 */
export function loadFaceModel(): Promise<FaceApi> {
  loading ??= loadNets().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
