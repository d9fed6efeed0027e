import type { TestEngine } from './describe-engine.js';

export function importConformanceTests(_fresh: () => Promise<TestEngine>): void {}
