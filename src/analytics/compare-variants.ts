/**
 * A/B results: each variant's rate (outcomes / conversations that saw it) with a 95%
 * Wilson confidence interval, and a verdict from a two-proportion z-test against the
 * original text (variant `a`), said plainly, with "not enough data yet" below the
 * experiment's minimum sample.
 */

/** One sentence for campaign managers, shown with every verdict. */
export const TEST_EXPLAINED =
  'Each variant is compared with the original text by a two-proportion z-test: a difference is called only when, if the texts really worked equally well, a gap this large would happen by chance less than 5% of the time.';

/** Counts of one variant. */
export interface VariantCounts {
  variant: string;
  exposed: number;
  converted: number;
}

/** One variant's result as shown (masked counts are strings like `<5`). */
export interface VariantResult {
  variant: string;
  exposed: number | string;
  converted: number | string;
  /** Outcome rate 0..1, or null when a count is masked. */
  rate: number | null;
  /** 95% confidence interval of the rate, or null when masked. */
  low: number | null;
  high: number | null;
}

/** Verdict of an experiment. */
export interface Comparison {
  variants: VariantResult[];
  /** `not_enough_data`, `no_difference_yet` or `winner`. */
  status: 'not_enough_data' | 'no_difference_yet' | 'winner';
  winner?: string;
  /** Two-sided p-value of the best variant against `a` (absent while not enough data). */
  pValue?: number;
  /** The verdict in one plain sentence. */
  verdict: string;
}

const Z95 = 1.959964;

/** Wilson score interval of `x` successes in `n` trials (95%). */
export function wilsonInterval(x: number, n: number): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = x / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26, error < 1.5e-7). */
function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(z) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Two-sided p-value of the two-proportion z-test (pooled). */
export function twoProportionPValue(x1: number, n1: number, x2: number, n2: number): number {
  if (n1 === 0 || n2 === 0) return 1;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return 1;
  const z = (x1 / n1 - x2 / n2) / se;
  return 2 * (1 - normalCdf(Math.abs(z)));
}

const percent = (r: number) => `${(r * 100).toFixed(1)}%`;
/** A p-value as people read it: `p = 0.012`, or `p < 0.001`. */
const formatP = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);

/**
 * Compares `variants` (the first is the original, `a`). Counts under `minCount` are masked;
 * no verdict before every variant has `minSample` conversations.
 */
export function compareVariants(variants: VariantCounts[], minSample: number, minCount: number): Comparison {
  const show = (n: number) => (n < minCount ? `<${minCount}` : n);
  const results = variants.map((v): VariantResult => {
    const masked = v.exposed < minCount || v.converted < minCount;
    const ci = wilsonInterval(v.converted, v.exposed);
    return {
      variant: v.variant,
      exposed: show(v.exposed),
      converted: show(v.converted),
      rate: masked || v.exposed === 0 ? null : v.converted / v.exposed,
      low: masked ? null : ci.low,
      high: masked ? null : ci.high,
    };
  });
  const short = variants.filter((v) => v.exposed < minSample);
  const control = variants[0];
  if (!control || variants.length < 2 || short.length > 0) {
    return {
      variants: results,
      status: 'not_enough_data',
      verdict: `Not enough data yet: each variant needs at least ${minSample} conversations that saw it before a winner can be called.`,
    };
  }
  // Several variants against the original: the 5% is shared between the comparisons (Bonferroni).
  const alpha = 0.05 / (variants.length - 1);
  const tests = variants.slice(1).map((v) => ({ v, p: twoProportionPValue(v.converted, v.exposed, control.converted, control.exposed) }));
  const best = tests.filter((t) => t.p < alpha).sort((a, b) => b.v.converted / b.v.exposed - a.v.converted / a.v.exposed)[0];
  const minP = Math.min(...tests.map((t) => t.p));
  if (!best) {
    return { variants: results, status: 'no_difference_yet', pValue: minP, verdict: `No clear difference yet (p = ${minP.toFixed(2)}): keep the experiment running, or keep the original text.` };
  }
  const better = best.v.converted / best.v.exposed > control.converted / control.exposed;
  const winner = better ? best.v.variant : control.variant;
  const rate = (v: VariantCounts) => percent(v.converted / v.exposed);
  return {
    variants: results,
    status: 'winner',
    winner,
    pValue: best.p,
    verdict: better
      ? `Variant ${best.v.variant} does better than the original (${rate(best.v)} against ${rate(control)}, ${formatP(best.p)}).`
      : `The original text does better than variant ${best.v.variant} (${rate(control)} against ${rate(best.v)}, ${formatP(best.p)}).`,
  };
}
