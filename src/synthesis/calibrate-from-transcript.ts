import { measureCalibration } from '../claude/transcript/measure-calibration.js';
import type { Store } from '../store/store.js';
import { addCalibration } from './calibration.js';

/**
 * Measures the token estimator on new transcript lines and adds what it found to the store's calibration
 * (Stop and SessionEnd). Apart from ./calibration.ts, which the prompt hook reads without the transcript reader.
 */
export async function calibrateFrom(lines: string, deps: { store: () => Promise<Store> }): Promise<void> {
  await addCalibration(await deps.store(), measureCalibration(lines));
}
