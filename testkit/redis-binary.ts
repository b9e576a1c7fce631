/** Finding and waiting for a redis-server, for the test setup and the fault tests' private servers. */
import { spawnSync } from 'node:child_process';
import { createClient } from 'redis';

/** True when a `redis-server` binary is on PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Resolves once a Redis on `port` (127.0.0.1) answers PING; rejects after 5 s naming the fix. */
export async function waitForPong(port: number): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const client = createClient({ url: `redis://127.0.0.1:${port}`, socket: { reconnectStrategy: false, connectTimeout: 200 } });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      await client.close();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start within 5 s; is redis-server installed (apt-get install redis-server)?`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
