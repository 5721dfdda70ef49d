/**
 * End-to-end tests (npm run test:e2e): the bot and the Microsoft 365 Agents Playground as
 * processes, driven in Debian's Chromium with playwright-core. Files test/e2e/*.e2e.ts, which the
 * default `npm test` (*.test.ts) does not match. Needs /usr/bin/chromium (or CHROMIUM_PATH).
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // One browser at a time: the scenarios share the bot and run one after another.
  maxWorkers: 1,
  testTimeout: 120000,
};
