import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long start-up work (reading and indexing thousands of articles) done in slices, so that a
 * server already listening keeps answering (its readiness probe gets 503, not a stall).
 * Slices end by time, not by a count of items: an item's cost varies tenfold between a small
 * knowledge base on an idle machine and a large one on a busy one.
 */

/** Longest stretch of work between two turns of the event loop, in ms (the promise is < 100). */
const SLICE_MS = 10;

/** A function to await between items: it yields to the event loop once the slice has lasted `sliceMs`. */
export function sliceYielder(sliceMs: number = SLICE_MS): () => Promise<void> {
  let sliceStarted = performance.now();
  return async () => {
    if (performance.now() - sliceStarted < sliceMs) return;
    await nextTurn();
    sliceStarted = performance.now();
  };
}

/** Runs work written as a generator (each `yield` a point where it may pause) in slices. */
export async function runInSlices<T>(steps: Generator<void, T>, sliceMs: number = SLICE_MS): Promise<T> {
  const pause = sliceYielder(sliceMs);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/** Runs the same work at once, without yielding (tools and tests that have nothing to serve). */
export function runAtOnce<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
