// Ends every `npm test` with one plain line, `Tests: N passed, N failed, N skipped`, which CI reads, and lists the
// skipped suites with their reason (a database or browser that is not there) so that nothing is dropped silently.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const skippedSuites = new Set<string>();
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed += 1;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else {
          skipped += 1;
          const suite = test.parent.type === 'suite' ? test.parent.fullName : test.module.moduleId;
          skippedSuites.add(suite);
        }
      }
    }
    const lines: string[] = [];
    if (skippedSuites.size > 0) {
      lines.push('Skipped suites (their reason is in the name):');
      for (const suite of [...skippedSuites].sort()) lines.push(`  - ${suite}`);
    }
    lines.push(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
