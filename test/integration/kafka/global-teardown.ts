import { stopEnvironment } from './support/environment';

/** Stops every server started by the global setup and deletes their data, whatever the tests' outcome. */
export default async function globalTeardown(): Promise<void> {
  const running = globalThis.__EVENTFORM_KAFKA_IT__;
  globalThis.__EVENTFORM_KAFKA_IT__ = undefined;
  if (running) await stopEnvironment(running);
}
