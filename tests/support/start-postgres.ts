/**
 * Starts a throwaway PostgreSQL cluster and prints its address, for running a part of the suite on
 * PostgreSQL by hand:  TEST_POSTGRES_URL=$(node tests/support/start-postgres.ts) npm run test:unit -- …
 * The cluster runs until the machine stops (or `pg_ctl -D <its folder>/data stop`); its folder is
 * printed on stderr.
 */
import { startCluster } from './postgres.ts';

const cluster = await startCluster();
console.error(`posvet: PostgreSQL cluster at ${cluster.url} (stop: ${cluster.dataDir})`);
console.log(cluster.url);
