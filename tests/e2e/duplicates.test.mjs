// A re-send on the real app: a second request with the same NIK is flagged
// on its detail screen, naming the first; merging it there moves its
// documents and history to the first and takes it off the active queue.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freshDataDir, startDriver, screenshot, until, cli, fixtures, type, addAccount, login } from './harness.mjs';

const dataDir = freshDataDir();
addAccount(dataDir, 'Rina Operator', 'supervisor');
const NIK = '3516024512900003';
const first = cli(dataDir, ['request', 'new', '--name', 'Siti Aminah', '--phone', '081234567890', '--nik', NIK]);
const again = JSON.parse(
  cli(dataDir, ['request', 'new', '--name', 'Siti Aminah', '--phone', '0857 1111 2222', '--nik', NIK, '--json']),
);
const second = again.reg_no;
cli(dataDir, ['doc', 'add', second, '--kind', 'ktp', join(fixtures, 'ktp_ibu.webp')]);
const driver = await startDriver(dataDir);
after(() => driver.stop());

test('a re-send is flagged and merged into the first request', async () => {
  assert.deepEqual(again.duplicates.map((d) => d.reg_no), [first], 'the CLI lists the first request as a match');
  assert.deepEqual(again.duplicates[0].matched_on, ['nik']);
  const browser = await driver.session();
  await login(browser, 'Rina Operator');
  try {
    const queue = await browser.$('[data-testid=queue]');
    await queue.waitForDisplayed({ timeout: 15000 });
    await browser.keys(['Control', 'f']);
    await type(browser, second);
    const row = await browser.$(`[data-testid=queue-row][data-reg="${second}"]`);
    await row.waitForDisplayed();
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the re-send highlighted');
    await browser.keys(['Enter']);

    const match = await browser.$(`[data-testid=duplicate][data-reg="${first}"]`);
    await match.waitForDisplayed({ timeout: 10000 });
    assert.match(await match.getText(), /NIK/, 'the banner says what is shared');
    await screenshot(browser, '20-duplicate-flagged');

    await (await match.$('[data-testid=dup-merge]')).click();
    const detail = await browser.$(`[data-testid=detail][data-reg="${first}"]`);
    await detail.waitForDisplayed({ timeout: 10000 });
    const list = await browser.$('[data-testid=doc-list]');
    await until(browser, async () => (await list.getAttribute('data-count')) === '1', "the re-send's document followed");
    const history = await browser.execute(() =>
      [...document.querySelectorAll('[data-testid=event]')].map((e) => e.textContent ?? '').join('\n'),
    );
    assert.ok(history.includes(second), `the first request's history names the merged re-send:\n${history}`);
    await screenshot(browser, '21-duplicate-merged');

    await browser.keys(['Escape']);
    await queue.waitForDisplayed();
    // Esc in the search box clears the search.
    await browser.keys(['Control', 'f']);
    await browser.keys(['Escape']);
    await (await browser.$('[data-testid=view-active]')).click();
    const firstRow = await browser.$(`[data-testid=queue-row][data-reg="${first}"]`);
    await firstRow.waitForDisplayed();
    const sla = await firstRow.$('[data-testid=queue-sla]');
    assert.ok(
      ['ok', 'warning', 'breached', 'paused'].includes(await sla.getAttribute('data-sla-level')),
      'an open request shows its time-promise clock',
    );
    await screenshot(browser, '22-queue-sla');
    assert.equal(
      await (await browser.$(`[data-testid=queue-row][data-reg="${second}"]`)).isExisting(),
      false,
      'the merged re-send left the active queue',
    );
  } catch (e) {
    await screenshot(browser, 'failure-duplicates').catch(() => {});
    throw e;
  } finally {
    await browser.deleteSession();
  }
});
