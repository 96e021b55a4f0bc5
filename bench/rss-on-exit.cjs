// Preloaded into a measured `gen` process: reports its peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nGEN_BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
