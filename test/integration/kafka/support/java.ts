import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runToCompletion } from './processes';
import { WORK_DIR } from './paths';

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

/**
 * Compiles one of the helper programs in `support/java/` against `classPath` (once: the classes are cached under
 * `.work/classes/` by a hash of the source and class path) and returns the folder holding the classes.
 */
export function compileJavaProgram(program: string, classPath: string): string {
  const source = path.join(__dirname, 'java', `${program}.java`);
  const hash = createHash('sha256').update(fs.readFileSync(source)).update(classPath).digest('hex').slice(0, 16);
  const out = path.join(WORK_DIR, 'classes', `${program}-${hash}`);
  if (fs.existsSync(path.join(out, `${program}.class`))) return out;
  const tmp = `${out}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  runToCompletion('javac', ['-nowarn', '-d', tmp, '-cp', classPath, source], { timeoutMs: 120000 });
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
  return out;
}
