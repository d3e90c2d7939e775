/**
 * Linear time, measured: a case is timed (CPU time) at size n and 2n (medians of three samples,
 * after a warm-up) and the ratio is asserted — about 2 when linear, 4 when quadratic. Never a
 * wall-clock time. n grows until a run takes long enough for the timer, but inputs stay at a few
 * MB, where time is still the algorithm's and not the allocator's (a fast case is run several
 * times per sample instead). A ratio over the bound is measured again with longer samples, up
 * to four times, so that a busy machine does not fail a linear case; a quadratic one fails
 * every time. A run may succeed or throw a ReviewDeskError, nothing else.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';
import { ReviewDeskError } from '../../electron/core/errors';

export type Input = string | Uint8Array;

const MAX_RATIO = 2.5;
/** A sample lasts at least this long, so that timer noise stays small. */
const MIN_MS = 15;
/** Largest input (the larger of the two), in bytes of text (a docx: of its document.xml). */
const MAX_BYTES = 2 * 1024 * 1024;

// A full collection before each sample, so that one sample does not pay for another's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Run `times` times: imported or refused with a ReviewDeskError, nothing else (a TypeError fails the test). */
function sample(run: (input: Input) => unknown, input: Input, times = 1, collect = true): number {
  if (collect) collectGarbage();
  // CPU time of this test process (vitest runs each file in its own fork), not wall time: the
  // other test files running beside this one on a 2-core machine must not look like growth.
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    try {
      run(input);
    } catch (e) {
      if (!(e instanceof ReviewDeskError)) throw e;
    }
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Sizes of inputs whose byte length is not what they stand for (a zipped .docx: its document.xml). */
export const inputSize = new WeakMap<Uint8Array, number>();
const size = (input: Input) => (typeof input === 'string' ? Buffer.byteLength(input) : (inputSize.get(input) ?? input.length));

export function expectLinear(build: (n: number) => Input, run: (input: Input) => unknown, n0: number): void {
  let n = n0;
  let small = build(n);
  let large = build(2 * n);
  sample(run, small, 1, false); // warm-up: JIT, lazy module state
  let ms = sample(run, small, 1, false);
  while (ms < MIN_MS && 2 * size(large) <= MAX_BYTES) {
    n *= ms < MIN_MS / 8 ? 4 : 2;
    small = build(n);
    large = build(2 * n);
    ms = sample(run, small, 1, false);
  }
  let times = Math.min(50, Math.ceil(MIN_MS / Math.max(ms, 0.1)));
  const tries: string[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 3; i++) {
      a.push(sample(run, small, times));
      b.push(sample(run, large, times));
    }
    const ratio = median(b) / median(a);
    if (ratio <= MAX_RATIO) return;
    tries.push(`n=${n}: ${median(a).toFixed(1)} ms, ×${ratio.toFixed(2)} at 2n`);
    // Noise is a short sample's trouble; a long one that grows too fast is the answer already.
    if (median(a) > 500) break;
    // Try again with longer samples: a larger n while inputs stay small, else more runs.
    if (4 * size(large) <= MAX_BYTES) {
      n *= 2;
      small = large;
      large = build(2 * n);
    } else times *= 2;
  }
  expect.fail(`time grows faster than linear: ${tries.join('; ')}`);
}
