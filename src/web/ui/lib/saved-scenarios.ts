import type { LeverValues } from './levers.js';

const KEY = 'percontact.scenarios';

/** Scenarios saved in this browser by name: the planner's slider values. */
export function loadScenarios(): Record<string, LeverValues> {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, LeverValues>)
      : {};
  } catch {
    return {};
  }
}

export function saveScenarios(scenarios: Record<string, LeverValues>): void {
  localStorage.setItem(KEY, JSON.stringify(scenarios));
}
