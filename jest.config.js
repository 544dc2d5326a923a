/** One Jest run covers unit specs beside the code and the e2e suite in test/. */
const aliases = ['auth', 'emotion', 'history', 'music', 'shared', 'users'];

const moduleNameMapper = Object.fromEntries(
  aliases.flatMap((name) => [
    [`^@vexora/${name}$`, `<rootDir>/libs/${name}/src`],
    [`^@vexora/${name}/(.*)$`, `<rootDir>/libs/${name}/src/$1`],
  ]),
);

module.exports = {
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
  rootDir: '.',
  setupFiles: ['<rootDir>/test/setup/env.ts'],
  testEnvironment: '<rootDir>/test/setup/node-environment.js',
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60000,
  transform: { '^.+\\.ts$': ['@swc/jest'] },
};
