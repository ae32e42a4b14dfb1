import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPULATION_YEAR, REGIONS, readMunicipalityStatistics, sizeClass } from '../../src/lib/server/participation/statistics.ts';
import { seededDatabase } from './helpers.ts';

describe('municipality statistics (SURS) in the directory', () => {
  it('every municipality has one of the 12 statistical regions, a population and a centroid', async () => {
    const { db } = await seededDatabase();
    const rows = await db
      .selectFrom('organisations as o')
      .leftJoin('municipality_statistics as s', 's.organisation_id', 'o.id')
      .select(['o.short_name', 's.region', 's.population', 's.population_year', 's.centroid_e'])
      .where('o.kind', '=', 'municipality')
      .execute();
    expect(rows).toHaveLength(212);
    for (const r of rows) {
      expect(REGIONS, r.short_name).toContain(r.region);
      expect(r.population, r.short_name).toBeGreaterThan(300);
      expect(r.population_year).toBe(POPULATION_YEAR);
      expect(r.centroid_e).toBeGreaterThan(370_000);
    }
    expect(new Set(rows.map((r) => r.region)).size).toBe(12);
    // SURS: 2.108.977 inhabitants on 1 January 2021.
    expect(rows.reduce((sum, r) => sum + r.population!, 0)).toBe(2_108_977);
    const byName = new Map(rows.map((r) => [r.short_name, r]));
    expect(byName.get('Ljubljana')).toMatchObject({ region: 'Osrednjeslovenska', population: 294_464 });
    expect(byName.get('Hodoš')).toMatchObject({ region: 'Pomurska' });
    expect(byName.get('Ankaran')).toMatchObject({ region: 'Obalno-kraška' });
  });

  it('seeding again changes nothing', async () => {
    const { db } = await seededDatabase();
    const { seedMunicipalityStatistics } = await import('../../src/lib/server/participation/statistics.ts');
    await seedMunicipalityStatistics(db);
    expect((await db.selectFrom('municipality_statistics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n).toBe(212);
  });

  it('a seed file with a region SURS does not have is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'posvet-stat-'));
    writeFileSync(join(dir, 'stat.csv'), 'code,name,region,population\n1,Ajdovščina,Primorska,19704\n');
    expect(() => readMunicipalityStatistics(join(dir, 'stat.csv'))).toThrow(/unknown region Primorska/);
  });

  it('size classes by population: under 2.000, 2.000–4.999, …, 50.000 and more', () => {
    expect([369, 1_999, 2_000, 4_999, 5_000, 9_999, 10_000, 19_999, 20_000, 49_999, 50_000, 294_464].map(sizeClass)).toEqual([
      0, 0, 2_000, 2_000, 5_000, 5_000, 10_000, 10_000, 20_000, 20_000, 50_000, 50_000,
    ]);
  });
});
