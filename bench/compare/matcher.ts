/**
 * eventform's side of the matcher head-to-head: the same cases file and the same measurement as the Java harness
 * in bench/event-ruler, on the built package (`eventform`, resolved to dist/). Rules are compiled once, as event-ruler
 * compiles its rules into one machine once: one rule with `compileEventPattern`, 100 rules with `EventPatternSet`
 * (one read of the event for all rules, like event-ruler's `rulesForJSONEvent`). Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import { ratePerSecond } from '../lib/rate';
import type { MatcherCases } from './cases';

/** The part of the core's public API this harness measures. */
interface PatternApi {
  matchEvent(pattern: string | object, event: string | object): boolean;
  compileEventPattern(pattern: string | object): { matches(event: string | object): boolean };
  validateEventPattern(pattern: string | object): readonly unknown[];
  EventPatternSet: new (rules: Readonly<Record<string, string | object>>) => {
    matchingRules(event: string | object): string[];
  };
}

const core = require('eventform') as PatternApi;
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8')) as MatcherCases;

const matching = JSON.parse(cases.matchingEvent) as object;
const nonMatching = JSON.parse(cases.nonMatchingEvent) as object;
const single = [core.compileEventPattern(cases.singlePattern)];
const ruleSet = new core.EventPatternSet(Object.fromEntries(cases.manyPatterns.map((text, i) => [`rule-${i}`, text])));
const countSet = (event: string | object): number => ruleSet.matchingRules(event).length;

const countMatches = (
  event: string | object,
  patterns: ReadonlyArray<{ matches(event: string | object): boolean }>,
) => {
  let n = 0;
  for (const pattern of patterns) if (pattern.matches(event)) n++;
  return n;
};

const expectations: Array<[string, number, number]> = [
  ['one rule, matching', countMatches(cases.matchingEvent, single), 1],
  ['one rule, non-matching', countMatches(cases.nonMatchingEvent, single), 0],
  ['100 rules, matching', countSet(cases.matchingEvent), 1],
  ['100 rules, non-matching', countSet(cases.nonMatchingEvent), 0],
  ['100 rules, matching, parsed', countSet(matching), 1],
  ['100 rules, non-matching, parsed', countSet(nonMatching), 0],
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
  'hundredRules.jsonText.match': ratePerSecond(() => countSet(cases.matchingEvent)),
  'hundredRules.jsonText.noMatch': ratePerSecond(() => countSet(cases.nonMatchingEvent)),
  'hundredRules.parsed.match': ratePerSecond(() => countSet(matching)),
  'hundredRules.parsed.noMatch': ratePerSecond(() => countSet(nonMatching)),
  validations: ratePerSecond(() => core.validateEventPattern(cases.manyPatterns[next++ % cases.manyPatterns.length])),
  'jsonParse.baseline': ratePerSecond(() => JSON.parse(cases.matchingEvent)),
  'oneRule.matchEventUncompiled.match': ratePerSecond(() => core.matchEvent(cases.singlePattern, cases.matchingEvent)),
};
const sorted = (names: string[]) => [...names].sort();
const matches = {
  'oneRule.match': single[0].matches(cases.matchingEvent) ? ['rule-0'] : [],
  'oneRule.noMatch': single[0].matches(cases.nonMatchingEvent) ? ['rule-0'] : [],
  'hundredRules.match': sorted(ruleSet.matchingRules(cases.matchingEvent)),
  'hundredRules.noMatch': sorted(ruleSet.matchingRules(cases.nonMatchingEvent)),
  'hundredRules.parsed.match': sorted(ruleSet.matchingRules(matching)),
  'hundredRules.parsed.noMatch': sorted(ruleSet.matchingRules(nonMatching)),
};
process.stdout.write(`${JSON.stringify({ engine: 'eventform', node: process.version, perSecond, matches })}\n`);
