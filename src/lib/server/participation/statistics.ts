import { readFileSync } from 'node:fs';
import type { Db } from '../platform/db.ts';
import { fromRoot } from '../platform/paths.ts';

/**
 * The municipalities' statistical region and population (SURS) with their centroid (GURS), read from
 * db/seed (sources and licences in db/seed/README.md) into `municipality_statistics`.
 */

/** The 12 statistical regions of SURS (SKTE-3 since 2015), east to west as SURS lists them. */
export const REGIONS = [
  'Pomurska',
  'Podravska',
  'Koroška',
  'Savinjska',
  'Zasavska',
  'Posavska',
  'Jugovzhodna Slovenija',
  'Osrednjeslovenska',
  'Gorenjska',
  'Primorsko-notranjska',
  'Goriška',
  'Obalno-kraška',
] as const;
export type Region = (typeof REGIONS)[number];

/** Population counted on 1 January of this year (SURS). */
export const POPULATION_YEAR = 2021;

/** Size classes by population: the lower bound of each (the last has no upper bound). */
export const SIZE_CLASSES = [0, 2_000, 5_000, 10_000, 20_000, 50_000] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export function sizeClass(population: number): SizeClass {
  let found: SizeClass = SIZE_CLASSES[0];
  for (const lower of SIZE_CLASSES) if (population >= lower) found = lower;
  return found;
}

/** The upper bound (inclusive) of a class, undefined for the last. */
export function sizeClassUpper(lower: SizeClass): number | undefined {
  const next = SIZE_CLASSES[SIZE_CLASSES.indexOf(lower) + 1];
  return next === undefined ? undefined : next - 1;
}

export interface MunicipalityStatistics {
  code: string;
  region: Region;
  population: number;
  centroidE: number;
  centroidN: number;
}

function csv(path: string): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** Both seed files joined by the register code; throws on a region or number it cannot read. */
export function readMunicipalityStatistics(
  statisticsPath = fromRoot('db/seed/municipality-statistics.csv'),
  municipalitiesPath = fromRoot('db/seed/municipalities.csv'),
): MunicipalityStatistics[] {
  const centroids = new Map(csv(municipalitiesPath).map((r) => [r.code, { e: Number(r.centroid_e), n: Number(r.centroid_n) }]));
  return csv(statisticsPath).map((r) => {
    const centroid = centroids.get(r.code);
    const population = Number(r.population);
    if (!REGIONS.includes(r.region as Region)) throw new Error(`municipality-statistics.csv: unknown region ${r.region} (${r.code})`);
    if (!Number.isInteger(population) || population <= 0) throw new Error(`municipality-statistics.csv: population ${r.population} (${r.code})`);
    if (!centroid || !Number.isFinite(centroid.e) || !Number.isFinite(centroid.n)) throw new Error(`municipalities.csv: no centroid for ${r.code}`);
    return { code: r.code, region: r.region as Region, population, centroidE: centroid.e, centroidN: centroid.n };
  });
}

/**
 * Writes the statistics of every municipality the directory has (matched by register code).
 * Idempotent: re-running updates what changed in the seed files.
 */
export async function seedMunicipalityStatistics(db: Db, rows = readMunicipalityStatistics()): Promise<void> {
  const ids = new Map((await db.selectFrom('organisations').select(['id', 'code']).where('kind', '=', 'municipality').execute()).map((o) => [o.code, o.id]));
  await db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const id = ids.get(r.code);
      if (id === undefined) continue;
      const values = { region: r.region, population: r.population, population_year: POPULATION_YEAR, centroid_e: r.centroidE, centroid_n: r.centroidN };
      await trx
        .insertInto('municipality_statistics')
        .values({ organisation_id: id, ...values })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
        .execute();
    }
  });
}
