// Lighthouse on many pages with one Chromium: `node run.mjs '<json jobs>'`, where each job is
// {"url": ..., "desktop": true|false}. Prints one JSON line per job: the category scores and
// the audits that cost points. One browser for all runs saves a browser start per run,
// which on this shared 2-core machine cost more than the audit itself.
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const jobs = JSON.parse(process.argv[2]);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH,
  chromeFlags: process.env.CHROME_FLAGS.split(' '),
});
try {
  for (const job of jobs) {
    const flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories};
    const result = await lighthouse(job.url, flags, job.desktop ? desktopConfig : undefined);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${job.url}: ${lhr.runtimeError.message}`);
    // A score is null when Lighthouse could not compute it (a metric failed): kept as null.
    const scores = Object.fromEntries(categories.map(
      c => [c, lhr.categories[c].score === null ? null : Math.round(lhr.categories[c].score * 100)]));
    const unused = id => Math.round((lhr.audits[id].details?.overallSavingsBytes ?? 0) / 1024);
    const lost = categories.flatMap(c => lhr.categories[c].auditRefs
      .filter(r => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
      .map(r => `${r.id} (${lhr.audits[r.id].score.toFixed(2)})`));
    const seoLost = lhr.categories.seo.auditRefs
      .filter(r => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1).map(r => r.id);
    console.log(JSON.stringify({...job, scores, lost, seoLost, warnings: lhr.runWarnings, version: lhr.lighthouseVersion,
                                unusedCss: unused('unused-css-rules'), unusedJs: unused('unused-javascript')}));
  }
} finally {
  await chrome.kill();
}
