// Public callables whose work depends on whether an address is known (an account to send a link
// to, an application already on file) must not tell it by how long they take to answer.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Runs `work` and settles (answer or error) no sooner than `minMs` after it started, so every path
 * shorter than `minMs` takes the same time. Pick `minMs` above the slowest ordinary path.
 */
export async function answerNoSoonerThan<T>(minMs: number, work: () => Promise<T>, clock: () => number = Date.now, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  const started = clock();
  try {
    return await work();
  } finally {
    await wait(started + minMs - clock());
  }
}
