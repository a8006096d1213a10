import { ENVIRONMENT_VARIABLE, type IntegrationEnvironment } from './environment';

/** The running environment, as published by the global setup. */
export function integrationEnvironment(): IntegrationEnvironment {
  const raw = process.env[ENVIRONMENT_VARIABLE];
  if (!raw) throw new Error(`${ENVIRONMENT_VARIABLE} is not set: run these tests with \`npm run test:kafka\``);
  return JSON.parse(raw) as IntegrationEnvironment;
}

/** `describe`, or `describe.skip` (with a loud warning) when Java or Maven is missing. */
export function describeWithKafka(name: string, body: () => void): void {
  const env = integrationEnvironment();
  if (env.skipped) {
    console.warn(env.skipped);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}
