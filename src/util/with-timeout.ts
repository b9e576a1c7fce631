/**
 * Races `promise` with a timer: resolves or rejects as `promise` does, or rejects with
 * `onTimeout()` after `ms`. The timer is always cleared. The promise itself is not cancelled.
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
