/**
 * eventform's side of the matcher head-to-head: the same cases file and the same measurement as the Java harness
 * in bench/event-ruler, on the built package (`eventform`, resolved to dist/). Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { ratePerSecond } from '../lib/rate';
import type { MatcherCases } from './cases';

/** The part of the core's public contract (architecture.md) this harness measures. */
interface PatternApi {
  matchEvent(pattern: string | object, event: string | object): boolean;
  validateEventPattern(pattern: string | object): readonly unknown[];
}

const core = require('eventform') as PatternApi;
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as MatcherCases;

const matching = JSON.parse(cases.matchingEvent) as object;
const nonMatching = JSON.parse(cases.nonMatchingEvent) as object;
const single = JSON.parse(cases.singlePattern) as object;
const many = cases.manyPatterns.map((text) => JSON.parse(text) as object);

const countMatches = (event: string | object, patterns: readonly object[]): number =>
  patterns.reduce<number>((n, pattern) => (core.matchEvent(pattern, event) ? n + 1 : n), 0);

const expectations: Array<[string, number, number]> = [
  ['one rule, matching', countMatches(cases.matchingEvent, [single]), 1],
  ['one rule, non-matching', countMatches(cases.nonMatchingEvent, [single]), 0],
  ['100 rules, matching', countMatches(cases.matchingEvent, many), 1],
  ['100 rules, non-matching', countMatches(cases.nonMatchingEvent, many), 0],
];
for (const [what, got, want] of expectations) {
  if (got !== want) {
    process.stderr.write(`benchmark cases are inconsistent: ${what} matched ${got} rule(s), expected ${want}\n`);
    process.exit(1);
  }
}

let next = 0;
const perSecond = {
  'oneRule.jsonText.match': ratePerSecond(() => core.matchEvent(single, cases.matchingEvent)),
  'oneRule.jsonText.noMatch': ratePerSecond(() => core.matchEvent(single, cases.nonMatchingEvent)),
  'oneRule.parsed.match': ratePerSecond(() => core.matchEvent(single, matching)),
  'oneRule.parsed.noMatch': ratePerSecond(() => core.matchEvent(single, nonMatching)),
  'hundredRules.jsonText.match': ratePerSecond(() => countMatches(cases.matchingEvent, many)),
  'hundredRules.jsonText.noMatch': ratePerSecond(() => countMatches(cases.nonMatchingEvent, many)),
  'hundredRules.parsed.match': ratePerSecond(() => countMatches(matching, many)),
  'hundredRules.parsed.noMatch': ratePerSecond(() => countMatches(nonMatching, many)),
  validations: ratePerSecond(() => core.validateEventPattern(cases.manyPatterns[next++ % cases.manyPatterns.length])),
};
process.stdout.write(`${JSON.stringify({ engine: 'eventform', node: process.version, perSecond })}\n`);
