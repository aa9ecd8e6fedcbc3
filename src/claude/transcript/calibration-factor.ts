import type { CalibrationSample } from './measure-calibration.js';

/** Fewer samples than this, and the estimator is used as it is. */
const MIN_SAMPLES = 3;

/**
 * The factor real tokens are of ctxkit's estimates (1 when there is too little to go on), kept
 * within 0.5 to 2: a transcript with an odd cache pattern must not throw budgets off. On its own
 * (without the transcript reader) because every prompt injection reads it.
 */
export function calibrationFactor(sample: CalibrationSample | undefined): number {
  if (!sample || sample.samples < MIN_SAMPLES || sample.estimated <= 0) return 1;
  return Math.min(2, Math.max(0.5, sample.real / sample.estimated));
}
