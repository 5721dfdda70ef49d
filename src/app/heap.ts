import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The garbage collector's trade of memory for CPU, set for a bot whose live heap is small and
 * steady (the index, the catalogues) while every turn leaves short-lived garbage.
 *
 * By default V8 lets the old generation grow to several times what survives before it collects:
 * 1,000 guided checks left the process at 270 MB of RSS for about 60 MB live. Growing 20% past
 * the live size instead kept it at 150-175 MB, with no CPU per turn measurably lost (npm run
 * bench: the turn and memory figures).
 *
 * It is set once the knowledge base is loaded: during the load, which allocates in bulk, it made
 * the collector run so often that a 10,000-article start took about a fifth longer. The limit V8
 * set during the load would still hold afterwards (a 10k KB: about 100 MB live, RSS 440 MB after
 * 30 searches), so the heap is collected once, there, and the next limit follows what is live.
 * That collection takes tens of milliseconds (a 10k KB: about 100), once.
 *
 * The young generation's size (`--max-semi-space-size=4` in `npm start`: about 18 MB off the
 * ready RSS) can only be set on the command line.
 */
const HEAP_GROWING_PERCENT = 20;

export function tuneHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  collect(false);
}

/**
 * One full collection that also compacts the heap, for once a start that built the index has
 * done its work (the load, the warm-up, the index cache written). V8 compacts only the pages it
 * judges fragmented, and building left a 10k KB's heap at 235 MB for 150 MB live: 75 MB more RSS
 * than the same index read from the cache. Compacting takes twice the plain collection's time
 * (real corpus about 45 ms, 10k about 150 ms, more on a busy machine): not while loading, where
 * /health must answer within 100 ms, and not while a message is being answered.
 */
export function compactHeap(): void {
  collect(true);
}

function collect(compacting: boolean): void {
  // V8's own gc(), which Node exposes only with --expose-gc: the flag, then a new context that has it.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc !== 'function') return;
  if (compacting) setFlagsFromString('--compact-on-every-full-gc');
  try {
    (gc as () => void)();
  } finally {
    // Later collections decide for themselves, as usual.
    if (compacting) setFlagsFromString('--no-compact-on-every-full-gc');
  }
}
