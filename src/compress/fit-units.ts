import { estimateTokens } from '../tokens/estimate-tokens.js';
import { linesOmitted } from './markers.js';

/** One piece of output a reducer may keep or drop as a whole (a line, a sentence, a collapsed group). */
export interface Unit {
  text: string;
  /** Higher keeps first; ties keep the earlier unit. */
  priority: number;
  /** How many original lines the unit stands for (for the omission note). */
  lines?: number;
  /** A shorter form (a signature without its parameters) used when the full text does not fit. */
  short?: string;
  /** Units sharing a group (sentences of one paragraph) are joined on one line when kept. */
  group?: number;
}

export interface FitOptions {
  /** How kept units are joined (default newline). */
  joiner?: string;
  /** Text standing in for a run of dropped units (default `… N lines omitted`; empty for none). */
  gapMarker?: (droppedLines: number) => string;
}

export interface FitResult {
  text: string;
  keptUnits: number;
  droppedUnits: number;
  droppedLines: number;
}

/**
 * Keeps the most important units that fit the budget, in their original order, marking each
 * gap. Units are never cut: a reducer may drop a line but never alter the characters it keeps.
 */
export function fitUnits(units: readonly Unit[], budgetTokens: number | undefined, options: FitOptions = {}): FitResult {
  const joiner = options.joiner ?? '\n';
  const gapText = options.gapMarker ?? linesOmitted;

  const render = (kept: boolean[], texts: readonly string[] = units.map((unit) => unit.text)): FitResult => {
    const parts: string[] = [];
    let gap = 0;
    let droppedUnits = 0;
    let droppedLines = 0;
    let lastKept: Unit | undefined;
    units.forEach((unit, index) => {
      if (kept[index]) {
        const text = texts[index];
        if (unit.group !== undefined && lastKept?.group === unit.group && parts.length > 0) {
          parts[parts.length - 1] += gap > 0 ? ` … ${text}` : ` ${text}`;
        } else {
          if (gap > 0 && gapText(gap) !== '') parts.push(gapText(gap));
          parts.push(text);
        }
        gap = 0;
        lastKept = unit;
      } else {
        const lines = unit.lines ?? 1;
        gap += lines;
        droppedUnits++;
        droppedLines += lines;
      }
    });
    if (gap > 0 && gapText(gap) !== '') parts.push(gapText(gap));
    return { text: parts.join(joiner), keptUnits: units.length - droppedUnits, droppedUnits, droppedLines };
  };

  const all = units.map(() => true);
  if (budgetTokens === undefined) return render(all);
  const whole = render(all);
  if (estimateTokens(whole.text) <= budgetTokens) return whole;
  // Only a text over its budget needs each unit's cost and the order of importance.
  const costs = units.map((unit) => estimateTokens(unit.text) + 1);
  const byImportance = units.map((_, index) => index).sort((a, b) => units[b].priority - units[a].priority || a - b);

  // Greedy by importance. Adding a unit inside a gap turns one gap marker into zero, one or two,
  // which only depends on its two neighbours; the final check catches what estimates miss.
  const marker = gapText(999);
  const markerCost = marker === '' ? 0 : estimateTokens(marker) + 1;
  let allowance = budgetTokens;
  let result = render(units.map(() => false));
  for (let attempt = 0; attempt < 8 && allowance > 0; attempt++) {
    const kept = units.map(() => false);
    const texts = units.map((unit) => unit.text);
    let used = units.length > 0 ? markerCost : 0;
    // Within one priority, first keep as many units as possible (short forms allowed), then
    // widen short ones back to full text while room remains, before any lower priority is tried.
    for (let start = 0; start < byImportance.length; ) {
      let end = start;
      while (end < byImportance.length && units[byImportance[end]].priority === units[byImportance[start]].priority) end++;
      const tier = byImportance.slice(start, end);
      for (const index of tier) {
        const leftGap = index > 0 && !kept[index - 1] ? 1 : 0;
        const rightGap = index < units.length - 1 && !kept[index + 1] ? 1 : 0;
        const markers = (leftGap + rightGap - 1) * markerCost;
        const short = units[index].short;
        const cost = (short === undefined ? costs[index] : estimateTokens(short) + 1) + markers;
        if (used + cost > allowance) continue;
        kept[index] = true;
        if (short !== undefined) texts[index] = short;
        used += cost;
      }
      for (const index of tier) {
        const short = units[index].short;
        if (!kept[index] || short === undefined) continue;
        const extra = costs[index] - (estimateTokens(short) + 1);
        if (used + extra > allowance) continue;
        texts[index] = units[index].text;
        used += extra;
      }
      start = end;
    }
    result = render(kept, texts);
    const tokens = estimateTokens(result.text);
    if (tokens <= budgetTokens) return result;
    allowance -= Math.max(1, tokens - budgetTokens);
    if (attempt === 7) return trimToBudget(kept, texts, byImportance, budgetTokens, render);
  }
  return allowance > 0 ? result : render(units.map(() => false));
}

/**
 * The last resort when gap markers keep the greedy pass a token or two over: drop the least important
 * kept units, one at a time, until the rendered text fits.
 */
function trimToBudget(kept: boolean[], texts: string[], byImportance: readonly number[], budgetTokens: number, render: (kept: boolean[], texts: readonly string[]) => FitResult): FitResult {
  let result = render(kept, texts);
  for (let i = byImportance.length - 1; i >= 0 && estimateTokens(result.text) > budgetTokens; i--) {
    const index = byImportance[i];
    if (!kept[index]) continue;
    kept[index] = false;
    result = render(kept, texts);
  }
  return result;
}
