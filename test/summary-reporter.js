/**
 * Ends the run with the plain "N passed, N failed, N skipped" line CI reads. In CI it also says when
 * each suite starts, so a run stopped by its time limit shows which suite it was in.
 */
class SummaryReporter {
  onTestFileStart(test) {
    if (process.env.CI !== 'true') return;
    const path = test.path.slice(test.context.config.rootDir.length + 1);
    process.stdout.write(`[jest] ${new Date().toISOString().slice(11, 19)} started ${path}\n`);
  }

  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
