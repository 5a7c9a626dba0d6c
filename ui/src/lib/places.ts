import type { Municipality } from '../api/types';

/** A municipality as a person tells it apart: "Våler (Innlandet)" where two share a name. */
export function municipalityLabel(m: Pick<Municipality, 'name' | 'county'>, duplicated: boolean): string {
  return duplicated && m.county?.name ? `${m.name} (${m.county.name})` : m.name;
}

/** Names that more than one municipality has (Våler, Herøy). */
export function duplicatedNames(all: Pick<Municipality, 'name'>[]): Set<string> {
  const seen = new Map<string, number>();
  for (const m of all) seen.set(m.name, (seen.get(m.name) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
}

/** Options for a municipality picker: by name in Norwegian order, a shared name with its county. */
export function municipalityOptions(all: Pick<Municipality, 'number' | 'name' | 'county'>[]): { value: string; label: string }[] {
  const twice = duplicatedNames(all);
  return [...all]
    .map((m) => ({ value: m.number, label: municipalityLabel(m, twice.has(m.name)) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nb'));
}

/** Labels by municipality number for a list of all municipalities (see municipalityLabel). */
export function municipalityLabels(all: Pick<Municipality, 'number' | 'name' | 'county'>[]): Map<string, string> {
  const twice = duplicatedNames(all);
  return new Map(all.map((m) => [m.number, municipalityLabel(m, twice.has(m.name))]));
}
