import * as fs from 'node:fs';
import * as path from 'node:path';

/** JVM flags for small, quick-starting test servers (the machine has 2 cores shared by every process). */
export function jvmFlags(heapMb: number, logFile: string, log4jConfig: string): string[] {
  return [
    `-Xms64m`,
    `-Xmx${heapMb}m`,
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${log4jConfig}`,
    `-Deventform.log.file=${logFile}`,
  ];
}

/** Writes a Log4j 2 config that sends everything at INFO and above to the file named by `eventform.log.file`. */
export function writeLog4jConfig(dir: string): string {
  const file = path.join(dir, 'log4j2.properties');
  fs.writeFileSync(
    file,
    [
      'status = warn',
      'appender.file.type = File',
      'appender.file.name = file',
      'appender.file.fileName = ${sys:eventform.log.file}',
      'appender.file.layout.type = PatternLayout',
      'appender.file.layout.pattern = [%d] %p %m (%c)%n',
      'rootLogger.level = info',
      'rootLogger.appenderRef.file.ref = file',
      // Config dumps are long and say nothing a test needs.
      'logger.config.name = org.apache.kafka.common.config.AbstractConfig',
      'logger.config.level = warn',
      '',
    ].join('\n'),
  );
  return file;
}

/** Writes a Java properties file. */
export function writeProperties(file: string, props: Record<string, string | number | boolean>): void {
  fs.writeFileSync(
    file,
    Object.entries(props)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n') + '\n',
  );
}
