import { sql, type Kysely } from 'kysely';

/**
 * The portal is run by the Ministrstvo za digitalno preobrazbo (MDP), which took over the remit of
 * the former government office in January 2023. Databases seeded before this migration hold that
 * office as the government organisation: it becomes the ministry (same row, so its people, their
 * decisions and the audit log keep pointing at it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update organisations set code = 'MDP', name = 'Ministrstvo za digitalno preobrazbo', short_name = 'MDP', slug = 'mdp'
            where code = 'SDP' and not exists (select 1 from organisations where code = 'MDP')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update organisations set code = 'SDP', name = 'Služba Vlade Republike Slovenije za digitalno preobrazbo', short_name = 'SDP', slug = 'sdp'
            where code = 'MDP'`.execute(db);
}
