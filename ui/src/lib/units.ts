/** The catalogue's units are English words; these are their names in the UI's languages. */
export const UNIT_KEYS: Record<string, string> = {
  'scale points': 'unit.scale_points',
  percent: 'unit.percent',
  persons: 'unit.persons',
  pupils: 'unit.pupils',
  students: 'unit.students',
  'per 1 000': 'unit.per_1000',
  score: 'unit.score',
  'TIMSS points': 'unit.timss_points',
  offers: 'unit.offers',
};

export function unitLabel(t: (k: string, o?: Record<string, unknown>) => string, unit: string): string {
  const key = UNIT_KEYS[unit];
  return key ? t(key) : unit;
}
