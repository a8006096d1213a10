/**
 * Requires the modules named on the command line in a fresh process and prints how long that took, the peak memory
 * of the process, and how many modules were loaded. Used for `eventform/<engine>` and for the plain engine modules
 * that entry point uses.
 */
const specifiers = process.argv.slice(2);
const before = Object.keys(require.cache).length;
const started = process.hrtime.bigint();
for (const specifier of specifiers) require(specifier);
const requireMs = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(
  `${JSON.stringify({
    requireMs: Math.round(requireMs),
    maxRssKb: process.resourceUsage().maxRSS,
    modulesLoaded: Object.keys(require.cache).length - before,
  })}\n`,
);
