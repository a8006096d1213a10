/**
 * eventform's side of the matcher head-to-head: the same cases file and the same measurement as the Java harness
 * in bench/event-ruler, on the built package (`eventform`, resolved to dist/). Patterns are compiled once, as
 * event-ruler compiles its rules into one machine once. Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { ratePerSecond } from '../lib/rate';
import type { MatcherCases } from './cases';

/** The part of the core's public API this harness measures. */
interface PatternApi {
  matchEvent(pattern: string | object, event: string | object): boolean;
  compileEventPattern(pattern: string | object): { matches(event: string | object): boolean };
  validateEventPattern(pattern: string | object): readonly unknown[];
}

const core = require('eventform') as PatternApi;
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as MatcherCases;

const matching = JSON.parse(cases.matchingEvent) as object;
const nonMatching = JSON.parse(cases.nonMatchingEvent) as object;
const single = [core.compileEventPattern(cases.singlePattern)];
const many = cases.manyPatterns.map((text) => core.compileEventPattern(text));

const countMatches = (
  event: string | object,
  patterns: ReadonlyArray<{ matches(event: string | object): boolean }>,
) => {
  let n = 0;
  for (const pattern of patterns) if (pattern.matches(event)) n++;
  return n;
};
/** JSON text against many rules: parse once, then match the tree (numbers lose their text form, as in JSON.parse). */
const parseThenCount = (text: string, patterns: Parameters<typeof countMatches>[1]) =>
  countMatches(JSON.parse(text) as object, patterns);

const expectations: Array<[string, number, number]> = [
  ['one rule, matching', countMatches(cases.matchingEvent, single), 1],
  ['one rule, non-matching', countMatches(cases.nonMatchingEvent, single), 0],
  ['100 rules, matching', countMatches(cases.matchingEvent, many), 1],
  ['100 rules, non-matching', countMatches(cases.nonMatchingEvent, many), 0],
  ['100 rules, matching, parsed', countMatches(matching, many), 1],
  ['matchEvent', core.matchEvent(cases.singlePattern, cases.matchingEvent) ? 1 : 0, 1],
];
for (const [what, got, want] of expectations) {
  if (got !== want) {
    process.stderr.write(`benchmark cases are inconsistent: ${what} matched ${got} rule(s), expected ${want}\n`);
    process.exit(1);
  }
}

let next = 0;
const perSecond = {
  'oneRule.jsonText.match': ratePerSecond(() => countMatches(cases.matchingEvent, single)),
  'oneRule.jsonText.noMatch': ratePerSecond(() => countMatches(cases.nonMatchingEvent, single)),
  'oneRule.parsed.match': ratePerSecond(() => countMatches(matching, single)),
  'oneRule.parsed.noMatch': ratePerSecond(() => countMatches(nonMatching, single)),
  'hundredRules.jsonText.match': ratePerSecond(() => countMatches(cases.matchingEvent, many)),
  'hundredRules.jsonText.noMatch': ratePerSecond(() => countMatches(cases.nonMatchingEvent, many)),
  'hundredRules.parsed.match': ratePerSecond(() => countMatches(matching, many)),
  'hundredRules.parsed.noMatch': ratePerSecond(() => countMatches(nonMatching, many)),
  validations: ratePerSecond(() => core.validateEventPattern(cases.manyPatterns[next++ % cases.manyPatterns.length])),
  'hundredRules.parseOnce.match': ratePerSecond(() => parseThenCount(cases.matchingEvent, many)),
  'hundredRules.parseOnce.noMatch': ratePerSecond(() => parseThenCount(cases.nonMatchingEvent, many)),
  'oneRule.matchEventUncompiled.match': ratePerSecond(() => core.matchEvent(cases.singlePattern, cases.matchingEvent)),
};
process.stdout.write(`${JSON.stringify({ engine: 'eventform', node: process.version, perSecond })}\n`);
