/**
 * The two-parameter logistic model (2PL): the chance that a person of ability theta answers an
 * item right is 1 / (1 + e^(−a(theta − b))), where b is the item's difficulty (the theta at which
 * the chance is one half) and a its discrimination (how sharply the chance rises around b).
 * Theta is on a standard normal scale: 0 is the average taker, ±1 one standard deviation.
 */

export interface ItemParams {
  /** Discrimination, > 0. */
  a: number;
  /** Difficulty, on the theta scale. */
  b: number;
}

/** One administered item with the credit earned, in [0, 1]. */
export interface ScoredResponse extends ItemParams {
  score: number;
}

export interface AbilityEstimate {
  theta: number;
  /** Standard error: the posterior standard deviation (EAP) or 1 / sqrt(information) (MAP). */
  se: number;
}

/** P(right | theta): exactly 0.5 at theta = b, rising with theta when a > 0. */
export function probability(theta: number, item: ItemParams): number {
  return 1 / (1 + Math.exp(-item.a * (theta - item.b)));
}

/** Fisher information a²·P·(1 − P): largest at theta = b, where it equals a²/4. */
export function information(theta: number, item: ItemParams): number {
  const p = probability(theta, item);
  return item.a * item.a * p * (1 - p);
}

/**
 * Starting parameters before any data: a = 1 and b = difficulty − 3, so the authors' five levels
 * sit at −2, −1, 0, 1, 2 (a level-3 question is one the average taker gets right half the time).
 * Calibration replaces them once enough responses exist.
 */
export function priorFromDifficulty(difficulty: number): ItemParams {
  const level = Math.min(5, Math.max(1, Math.round(difficulty)));
  return { a: 1, b: level - 3 };
}

/**
 * Log-likelihood of one response. Partial credit s in (0, 1) counts as a fractional Bernoulli
 * outcome, s·log P + (1 − s)·log(1 − P): half credit pulls theta halfway between a right and a
 * wrong answer, which keeps every question type usable for adaptive tests.
 */
function logLikelihood(theta: number, response: ScoredResponse): number {
  const s = clamp01(response.score);
  const z = response.a * (theta - response.b);
  // log P = −log(1 + e^−z), log(1 − P) = −log(1 + e^z), computed without overflow.
  return -s * softplus(-z) - (1 - s) * softplus(z);
}

export interface EapOptions {
  /** Quadrature grid; default 61 points from −4 to 4. */
  min?: number;
  max?: number;
  points?: number;
  /** Normal prior on theta; default standard normal. */
  priorMean?: number;
  priorSd?: number;
}

/**
 * Expected a posteriori ability: posterior mean and standard deviation over a fixed quadrature
 * grid with a normal prior. Always finite (even for all-right or all-wrong patterns), and with
 * no responses it returns the prior: theta ≈ 0, se ≈ 1.
 */
export function estimateEAP(responses: readonly ScoredResponse[], options: EapOptions = {}): AbilityEstimate {
  const { min = -4, max = 4, points = 61, priorMean = 0, priorSd = 1 } = options;
  const grid: number[] = [];
  const logPost: number[] = [];
  for (let i = 0; i < points; i++) {
    const theta = points === 1 ? min : min + ((max - min) * i) / (points - 1);
    let lp = -0.5 * ((theta - priorMean) / priorSd) ** 2;
    for (const r of responses) lp += logLikelihood(theta, r);
    grid.push(theta);
    logPost.push(lp);
  }
  // Subtract the largest log weight before exponentiating, so 25 wrong answers do not underflow.
  const top = Math.max(...logPost);
  let sum = 0;
  let mean = 0;
  const weights = logPost.map((lp) => Math.exp(lp - top));
  weights.forEach((w, i) => {
    sum += w;
    mean += w * (grid[i] as number);
  });
  mean /= sum;
  let variance = 0;
  weights.forEach((w, i) => {
    variance += w * ((grid[i] as number) - mean) ** 2;
  });
  return { theta: mean, se: Math.sqrt(variance / sum) };
}

/**
 * Maximum a posteriori ability by Newton-Raphson (the log-posterior is concave, so it converges),
 * with se = 1 / sqrt(test information + prior precision). Useful as a cross-check of EAP.
 */
export function estimateMAP(
  responses: readonly ScoredResponse[],
  options: Pick<EapOptions, 'priorMean' | 'priorSd'> = {},
): AbilityEstimate {
  const { priorMean = 0, priorSd = 1 } = options;
  const precision = 1 / (priorSd * priorSd);
  let theta = priorMean;
  let curvature = precision;
  for (let iteration = 0; iteration < 50; iteration++) {
    let gradient = -(theta - priorMean) * precision;
    curvature = precision;
    for (const r of responses) {
      const p = probability(theta, r);
      gradient += r.a * (clamp01(r.score) - p);
      curvature += r.a * r.a * p * (1 - p);
    }
    // Cap each step: far from the optimum the curvature is small and a full step overshoots.
    const step = Math.max(-1, Math.min(1, gradient / curvature));
    theta += step;
    if (Math.abs(step) < 1e-8) break;
  }
  return { theta, se: 1 / Math.sqrt(curvature) };
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
