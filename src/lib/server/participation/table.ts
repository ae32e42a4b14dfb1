/** Row types of the municipalities' statistics (region, population) (migration 0021_participation; issue 16, participation helper). */
export interface ParticipationTables {}
