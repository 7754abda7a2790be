/**
 * Tests run from the TypeScript source through SWC, with decorator metadata on (type-graphql and
 * MikroORM read it; test/kit/decorator-metadata.test.ts checks SWC's matches tsc's). The graph
 * suites start the compiled services (dist/) as separate processes: `npm test` builds first.
 */
const { availableParallelism } = require('node:os');

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  testTimeout: 60000,
  // A worker per core, not jest's cores − 1: most suites wait on the services they start rather than
  // compute, and on this 2-core kind of machine jest's default is one worker, every suite in turn (the
  // whole run took 640 s on one worker, 435 s on two, 2026-12-06). At most 16: scripts/ports.ts gives
  // each worker its own slice of ports.
  maxWorkers: Math.min(16, Math.max(2, availableParallelism())),
  // In CI, a process a failed suite leaves behind (a browser, a service) must not hold the run open
  // until CI's time limit: the failure is reported and jest exits.
  forceExit: process.env.CI === 'true',
  setupFiles: ['reflect-metadata'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
