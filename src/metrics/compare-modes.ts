/** What a report row can be compared with (free of imports, for the request schemas). */
export const COMPARE_MODES = ['previous', 'year-ago'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];
