/** The scenario the console opens on. */
export function demoScenario(): unknown {
  return { version: 1, name: 'Clickstream demo', seed: 42 };
}
