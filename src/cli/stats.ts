/**
 * `npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang vi|fr|en|other] [--include-test] [--store URL] [--json]`:
 * funnels, risk levels, quiz results, languages, not-understood counts, hand-offs and A/B results from the
 * anonymous daily analytics records (default store: STORAGE_URL, else the SQLite file).
 */
import { formatReport } from '../analytics/format-report';
import { loadReport } from '../analytics/load-report';
import { loadExperiments } from '../script/load-experiments';
import { loadContent } from '../script/load-content';
import { openStatsStore } from '../analytics/open-stats-store';
import { loadConfig, readEnvironment } from '../config';
import { exitOnClosedOutput } from '../util/exit-on-closed-output';
import { readArgs } from '../util/read-args';

const USAGE = 'usage: npm run stats -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--lang vi|fr|en|other] [--include-test] [--store URL] [--json]\nFunnels, risk levels, quiz results, languages, not-understood counts, hand-offs and A/B results\nfrom the anonymous daily records (default store: STORAGE_URL, else the SQLite file).';

exitOnClosedOutput(process.stdout);

const { values } = readArgs('stats', USAGE, {
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    store: { type: 'string' },
    json: { type: 'boolean', default: false },
    lang: { type: 'string' },
    'include-test': { type: 'boolean', default: false },
    root: { type: 'string' },
  },
});

try {
  const config = loadConfig(readEnvironment(), []);
  const store = await openStatsStore(values.store ?? config.storage.url, { stateTtlMs: config.retention.stateTtlMs, ...config.redis });
  try {
    const root = values.root ?? process.cwd();
    const { content } = loadContent(root);
    const experiments = content ? loadExperiments(root, content).experiments : [];
    const report = await loadReport(store, {
      from: values.from, to: values.to, content, experiments, minCount: config.stats.minCount,
      ...(values.lang ? { lang: values.lang } : {}), includeTest: values['include-test'],
    });
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  } finally {
    await store.close();
  }
} catch (err) {
  console.error(`stats: ${(err as Error).message}`);
  process.exit(1);
}
