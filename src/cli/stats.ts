/**
 * `npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--store URL] [--json]`:
 * funnels, risk levels, quiz results, languages and not-understood counts from the
 * anonymous daily analytics records (default store: STORAGE_URL, else the SQLite file).
 */
import { parseArgs } from 'node:util';
import { formatReport } from '../analytics/format-report';
import { loadReport } from '../analytics/load-report';
import { loadContent } from '../script/load-content';
import { openStatsStore } from '../analytics/open-stats-store';
import { loadConfig, readEnvironment } from '../config';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';

exitOnClosedOutput(process.stdout);

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    store: { type: 'string' },
    json: { type: 'boolean', default: false },
    root: { type: 'string' },
  },
});

try {
  const config = loadConfig(readEnvironment(), []);
  const store = await openStatsStore(values.store ?? config.storage.url, { stateTtlMs: config.retention.stateTtlMs, ...config.redis });
  try {
    const { content } = loadContent(values.root ?? process.cwd());
    const report = await loadReport(store, { from: values.from, to: values.to, content, minCount: config.stats.minCount });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  } finally {
    await store.close();
  }
} catch (err) {
  console.error(`stats: ${(err as Error).message}`);
  process.exit(1);
}
