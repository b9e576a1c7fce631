/** A free TCP port on loopback, for the test and benchmark servers. */
import { createServer } from 'node:net';

/** Finds a TCP port nobody listens on right now (on 127.0.0.1). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('findFreePort: no port assigned'))));
    });
  });
}
