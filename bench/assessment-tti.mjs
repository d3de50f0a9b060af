// Time to interactive of the assessment page, end to end: Chromium against a running app with demo data.
//   node bench/assessment-tti.mjs http://127.0.0.1:5099 [visits]
// Signs in as the demo analyst, opens the first of their drafts ("My drafts"), then visits it again and again (same
// browser, warm): from navigation to the wizard accepting input — the section steps are buttons of the interactive
// render (the prerender shows only the loading placeholder) and the first answer control is enabled.
// playwright-core is resolved from PLAYWRIGHT_CORE (a folder) or the usual module paths; Chromium from CHROMIUM.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? 'playwright-core');
const base = process.argv[2] ?? 'http://127.0.0.1:5099';
const visits = Number(process.argv[3] ?? 15);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage();
  await page.goto(`${base}/account/login`);
  await page.fill('#email', 'analyst@demo.local');
  await page.fill('#password', 'Demo-Analyst-2026');
  await page.click('button[type=submit]');
  await page.waitForURL(url => !url.pathname.includes('/account/login'));

  await page.goto(`${base}/assessments?queue=MyDrafts`);
  const link = page.getByTestId('assessment-link').first();
  await link.waitFor();
  const address = new URL(await link.getAttribute('href'), base).toString();

  const timings = [];
  for (let i = 0; i < visits + 1; i++) {
    await page.goto('about:blank');
    const started = performance.now();
    await page.goto(address, { waitUntil: 'commit' });
    await page.locator('main[data-interactive] [data-testid=section-steps] button').first().waitFor();
    await page.locator('[data-testid^=answer-] input:not([disabled])').first().waitFor();
    const elapsed = performance.now() - started;
    if (i > 0) timings.push(elapsed); // the first visit warms the app and the browser
  }

  timings.sort((a, b) => a - b);
  const at = q => timings[Math.min(timings.length - 1, Math.ceil(q * timings.length) - 1)];
  console.log(`Assessment page ${address}: time to interactive over ${timings.length} warm visits: ` +
    `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, min ${timings[0].toFixed(0)} ms, max ${timings[timings.length - 1].toFixed(0)} ms`);
} finally {
  await browser.close();
}
