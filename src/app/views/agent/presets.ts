/** Starting points for a new agent: a log generator and the agent.json that suits it. */
export const GENERATOR_KINDS = ['apache-access', 'apache-error', 'syslog', 'rfc3339-syslog', 'json-app'] as const;
export type GeneratorKind = (typeof GENERATOR_KINDS)[number];

const PATHS: Record<GeneratorKind, string> = {
  'apache-access': '/var/log/httpd/access_log',
  'apache-error': '/var/log/httpd/error_log',
  syslog: '/var/log/messages',
  'rfc3339-syslog': '/var/log/syslog',
  'json-app': '/var/log/app/app.log',
};

const PROCESSING: Record<GeneratorKind, Record<string, unknown>> = {
  'apache-access': { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'COMBINEDAPACHELOG' }] },
  'apache-error': { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'APACHEERRORLOG' }] },
  syslog: { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'SYSLOG' }] },
  'rfc3339-syslog': { dataProcessingOptions: [{ optionName: 'LOGTOJSON', logFormat: 'RFC3339SYSLOG' }] },
  'json-app': { multiLineStartPattern: '\\{', dataProcessingOptions: [{ optionName: 'SINGLELINE' }] },
};

export function generatorPath(kind: GeneratorKind): string {
  return PATHS[kind];
}

export function presetConfig(kind: GeneratorKind, destination: { kind: 'kinesisStream' | 'deliveryStream'; name: string }): string {
  const flow = {
    filePattern: `${PATHS[kind]}*`,
    [destination.kind]: destination.name,
    initialPosition: 'START_OF_FILE',
    maxBufferAgeMillis: 1000,
    ...PROCESSING[kind],
  };
  return `${JSON.stringify({ 'cloudwatch.emitMetrics': true, flows: [flow] }, null, 2)}\n`;
}
