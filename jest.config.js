/**
 * Two projects (npm test runs both; npm run test:unit or test:integration one of them, where
 * `--config jest.config.js` ends --selectProjects' list, so that `-- <pattern>` still works):
 * - unit: in-process tests, no sockets and no child processes;
 * - integration: tests that start processes (the bot, the CLIs, Azurite) or servers on loopback.
 * A new test file is a unit test unless it is listed here.
 */
const INTEGRATION = [
  'test/app/*.test.ts', // config: a bot process on a taken port; readiness: a bot process loading the corpus
  'test/cli/{azurite,bench,chat,kbCheck,search}.test.ts', // the command-line tools as processes
  'test/hardening/*.test.ts', // the HTTP service on loopback, a bot process, a key server
  'test/hosting/*.test.ts', // the HTTP service and fake channels on loopback
  'test/http/*.test.ts',
  'test/property/http.property.test.ts',
  'test/state/{concurrency,failover,outage,shutdown,storage}.test.ts', // Azurite and bot processes
  'test/teams/{appPackage,tenants,threads.http}.test.ts', // the package CLI; the HTTP service
];

const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // One fast-check seed for every property test (FC_SEED to change it): failures reproduce.
  setupFilesAfterEnv: ['<rootDir>/test/support/fastCheckSeed.ts'],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    // (A negated glob is matched against the absolute path, where <rootDir> is not replaced.)
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.test.ts', ...INTEGRATION.map((glob) => `!**/${glob}`)] },
    {
      ...common,
      displayName: 'integration',
      testMatch: INTEGRATION.map((glob) => `<rootDir>/${glob}`),
      // A longer test timeout (jest 30 ignores a project's testTimeout option).
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/support/integrationTimeout.ts'],
    },
  ],
};
