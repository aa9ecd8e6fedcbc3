import { calibrationFactor } from '../claude/transcript/calibration-factor.js';
import type { CalibrationSample } from '../claude/transcript/measure-calibration.js';
import type { Store } from '../store/store.js';

/** Store state key of the estimator's calibration: real and estimated tokens summed over every sample so far. */
export const CALIBRATION_STATE_KEY = 'calibration';

/** The calibration measured so far, or undefined when none was (or the state is unreadable). */
export async function readCalibration(store: Pick<Store, 'getState'>): Promise<CalibrationSample | undefined> {
  const text = await store.getState(CALIBRATION_STATE_KEY);
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<CalibrationSample>;
    return typeof value.real === 'number' && typeof value.estimated === 'number' && typeof value.samples === 'number' ? (value as CalibrationSample) : undefined;
  } catch {
    return undefined;
  }
}

/** Adds a transcript's samples to the calibration (Stop and SessionEnd, from the lines read since the last look). */
export async function addCalibration(store: Pick<Store, 'getState' | 'setState'>, sample: CalibrationSample): Promise<void> {
  if (sample.samples === 0) return;
  const total = (await readCalibration(store)) ?? { real: 0, estimated: 0, samples: 0 };
  await store.setState(CALIBRATION_STATE_KEY, JSON.stringify({ real: total.real + sample.real, estimated: total.estimated + sample.estimated, samples: total.samples + sample.samples }));
}

/** The factor to divide a token budget by, so that what ctxkit packs by its estimate fits the budget in real tokens. */
export async function budgetCalibration(store: Pick<Store, 'getState'>): Promise<number> {
  return calibrationFactor(await readCalibration(store));
}
