/** Row types of the municipalities' statistics (region, population) (migration 0021_participation; issue 16, participation helper). */
export interface MunicipalityStatisticsTable {
  /** The municipality (organisations.kind = 'municipality'). */
  organisation_id: number;
  /** One of the 12 SURS statistical regions (REGIONS in statistics.ts). */
  region: string;
  population: number;
  /** The 1 January of which year the population is counted on. */
  population_year: number;
  /** D96/TM centroid from GURS (db/seed/municipalities.csv), metres. */
  centroid_e: number;
  centroid_n: number;
}

export interface ParticipationTables {
  municipality_statistics: MunicipalityStatisticsTable;
}
