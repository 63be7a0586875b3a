// Throwaway PostgreSQL clusters for tests.
export { startPostgres, type PostgresCluster } from './start-postgres';
