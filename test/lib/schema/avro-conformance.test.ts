import * as fs from 'fs';
import * as path from 'path';
import { checkCompatibility, type CompatibilityMode } from '../../../lib';

/**
 * The 240 Avro compatibility cases transcribed from Apache Avro's and Confluent Schema Registry's own test suites
 * (../shared/conformance/avro-compat/README.md). READER_WRITER cases are a BACKWARD check of the reader (candidate)
 * against [writer].
 */
const CASES_FILE = path.resolve(__dirname, '../../../../shared/conformance/avro-compat/cases.jsonl');
/** 9 Ruby-test expectations that Avro Java contradicts (excluded from cases.jsonl); Confluent follows Avro Java. */
const RUBY_VS_JAVA_FILE = path.resolve(__dirname, '../../../../shared/conformance/avro-compat/disagreements.jsonl');

interface Case {
  id: string;
  mode: CompatibilityMode | 'READER_WRITER';
  previous: unknown[];
  candidate: unknown;
  compatible: boolean;
  java_incompatibility?: { type: string };
}

/** Cases where eventform knowingly disagrees with the engines, with the reason. Empty: it agrees on all of them. */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

const readLines = <T>(file: string): T[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as T);

const cases = readLines<Case>(CASES_FILE);

/** Schemas are passed as definition text, the way a registry stores them. */
const text = (schema: unknown) => JSON.stringify(schema);

function run(c: Case) {
  return checkCompatibility({
    format: 'AVRO',
    mode: c.mode === 'READER_WRITER' ? 'BACKWARD' : c.mode,
    previous: c.previous.map(text),
    candidate: text(c.candidate),
  });
}

describe('Avro compatibility conformance (Apache Avro and Confluent Schema Registry test suites)', () => {
  const results = cases.map((c) => ({ c, result: run(c) }));
  const disagreements = results.filter(({ c, result }) => result.compatible !== c.compatible).map(({ c }) => c.id);

  it('reads all 240 cases from the shared conformance folder', () => {
    expect(CASES_FILE.endsWith(path.join('shared', 'conformance', 'avro-compat', 'cases.jsonl'))).toBe(true);
    expect(cases).toHaveLength(240);
    expect(cases.filter((c) => c.compatible)).toHaveLength(138);
  });

  it('agrees with the engines on at least 99% of the cases', () => {
    const agreement = (cases.length - disagreements.length) / cases.length;
    expect(agreement).toBeGreaterThanOrEqual(0.99);
  });

  it('has no disagreement beyond the known list, and every known one still disagrees', () => {
    expect(disagreements.filter((id) => !(id in KNOWN_DISAGREEMENTS))).toEqual([]);
    expect(Object.keys(KNOWN_DISAGREEMENTS).filter((id) => !disagreements.includes(id))).toEqual([]);
  });

  it('explains every incompatible verdict, naming the incompatibility Avro Java reports', () => {
    for (const { c, result } of results) {
      if (result.compatible) {
        expect(result.messages).toEqual([]);
        continue;
      }
      expect(result.messages.length).toBeGreaterThan(0);
      const javaType = c.java_incompatibility?.type;
      if (javaType && javaType !== 'MULTIPLE') {
        expect({ id: c.id, text: result.messages.join('\n') }).toEqual({
          id: c.id,
          text: expect.stringContaining(`[${javaType}]`),
        });
      }
    }
  });

  it('sides with Avro Java (as Confluent does) on the 9 cases where the Ruby tests expect otherwise', () => {
    const ruby = readLines<{ id: string; reader: unknown; writer: unknown; avro_java_result: boolean }>(
      RUBY_VS_JAVA_FILE,
    );
    expect(ruby).toHaveLength(9);
    const verdicts = ruby.map((c) => [
      c.id,
      checkCompatibility({ mode: 'BACKWARD', previous: [text(c.writer)], candidate: text(c.reader) }).compatible,
    ]);
    expect(verdicts).toEqual(ruby.map((c) => [c.id, c.avro_java_result]));
  });
});
