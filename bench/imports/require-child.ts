/**
 * Requires the modules named on the command line in a fresh process and prints, as one JSON line, how long that
 * took, the peak memory of the process, how many modules were loaded and (with `--list-files`, given first) the files
 * loaded, in load order. Used for `eventform/<engine>` and for exactly the engine files that entry point loaded.
 */
const listFiles = process.argv[2] === '--list-files';
const specifiers = process.argv.slice(listFiles ? 3 : 2);
const before = new Set(Object.keys(require.cache));
const started = process.hrtime.bigint();
for (const specifier of specifiers) require(specifier);
const requireMs = Number(process.hrtime.bigint() - started) / 1e6;
const loaded = Object.keys(require.cache).filter((file) => !before.has(file));
process.stdout.write(
  `${JSON.stringify({
    requireMs: Math.round(requireMs),
    maxRssKb: process.resourceUsage().maxRSS,
    modulesLoaded: loaded.length,
    ...(listFiles ? { files: loaded } : {}),
  })}\n`,
);
