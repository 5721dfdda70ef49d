import fc from 'fast-check';

/**
 * Every property test runs with one fixed seed, FC_SEED to try another: a failure on one machine
 * reproduces on any other. fast-check prints the seed and the counterexample's path when a
 * property fails; the line below says how to run it again.
 */
const seed = Number(process.env.FC_SEED ?? 20261129);
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${process.env.FC_SEED}"`);

fc.configureGlobal({
  seed,
  reporter: (details) => {
    if (details.failed) throw new Error(`${fc.defaultReportMessage(details)}\nReproduce with FC_SEED=${seed} (the seed of every property test in this run).`);
  },
});
