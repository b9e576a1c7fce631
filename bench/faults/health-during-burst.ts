/** Measures how fast /healthz answers while a burst of concurrent turn requests hits the bot. */

/** Result of {@link measureHealthDuringBurst}. */
export interface BurstHealth {
  ok: number;
  refused: number;
  failed: number;
  samples: number;
  p50: number;
  max: number;
}

/**
 * Fires `count` requests built by `build` at once at `url`, probing `/healthz` every 50 ms
 * until they are all answered.
 */
export async function measureHealthDuringBurst(
  url: string,
  count: number,
  build: (i: number) => Record<string, unknown>,
  post: (messagesUrl: string, activity: Record<string, unknown>, timeoutMs?: number) => Promise<{ status: number }>,
): Promise<BurstHealth> {
  const latencies: number[] = [];
  let done = false;
  const probing = (async () => {
    while (!done) {
      const started = performance.now();
      const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status === 200, () => false);
      latencies.push(ok ? performance.now() - started : 10_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const results = await Promise.all(Array.from({ length: count }, (_, i) => post(`${url}/api/messages`, build(i), 30_000)));
  done = true;
  await probing;
  latencies.sort((a, b) => a - b);
  return {
    ok: results.filter((r) => r.status === 200).length,
    refused: results.filter((r) => r.status === 503).length,
    failed: results.filter((r) => r.status !== 200 && r.status !== 503).length,
    samples: latencies.length,
    p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
    max: latencies.at(-1) ?? 0,
  };
}
