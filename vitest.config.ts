import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs everything: unit tests beside the code, the HTTP integration
 * suite once on SQLite and once on PostgreSQL (when TEST_DATABASE_URL is set), and the
 * browser tests against the built app.
 */
const integrationFiles = ['src/server/**/*.http.test.ts', 'tests/integration/**/*.test.ts'];
const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl) {
  console.warn('\n[rapport] TEST_DATABASE_URL is not set: the PostgreSQL integration project is SKIPPED (only SQLite runs).\n');
}

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          exclude: ['src/**/*.http.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'sqlite',
          include: integrationFiles,
          environment: 'node',
          globalSetup: ['tests/support/global-setup-database.ts'],
          env: { RAPPORT_TEST_DIALECT: 'sqlite' },
          testTimeout: 30_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: 'postgres',
                include: integrationFiles,
                environment: 'node',
                globalSetup: ['tests/support/global-setup-database.ts'],
                env: { RAPPORT_TEST_DIALECT: 'postgres', TEST_DATABASE_URL: postgresUrl },
                testTimeout: 30_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup-server.ts'],
          // Two cores: one browser at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
