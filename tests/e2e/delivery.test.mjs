// POS KETANMU and Pengaduan on the real app: a delivery registered with its
// village picked from the Mojokerto table, moved to processed and handed to
// the post officer with a tracking number, the day's hand-over list; a
// complaint about it recorded, answered and closed; a complaint about a NIK
// request shown on that request; both services in the daily recap.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { freshDataDir, startDriver, screenshot, until, cli, addAccount, login, fakeOpener } from './harness.mjs';

const dataDir = freshDataDir();
addAccount(dataDir, 'Rina Operator', 'supervisor');
const vn = cli(dataDir, ['request', 'new', '--name', 'Budi Santoso', '--phone', '081234567891', '--nik', '3516024512900003']);
cli(dataDir, ['complaint', 'new', '--name', 'Budi Santoso', '--channel', 'phone', '--about', vn, '--category', 'slow', '--text', 'NIK belum aktif sejak kemarin.']);
const { env: openerEnv, opened } = fakeOpener(dataDir);
const driver = await startDriver(dataDir, openerEnv);
after(() => driver.stop());

const stepOf = async (browser) => (await browser.$('[data-testid=delivery-panel]')).getAttribute('data-step');

test('a delivery to the post officer, a complaint answered, both in the recap', async () => {
  const browser = await driver.session();
  try {
    await login(browser, 'Rina Operator');
    await browser.keys(['F6']);
    await (await browser.$('[data-testid=deliveries]')).waitForDisplayed();
    await (await browser.$('#dl-new')).click();
    await (await browser.$('#dl-name')).setValue('Siti Aminah');
    await (await browser.$('#dl-phone')).setValue('0812-3456-7890');
    await (await browser.$('#dl-district')).selectByVisibleText('Jatirejo');
    await (await browser.$('#dl-village')).selectByVisibleText('Tawangrejo');
    await (await browser.$('#dl-address')).setValue('Jl. Raya 12, RT 01/RW 02');
    await (await browser.$('#dl-doc-kk')).click();
    await (await browser.$('#dl-doc-akta_kelahiran')).click();
    await (await browser.$('#dl-save')).click();
    const panel = await browser.$('[data-testid=delivery-panel]');
    await panel.waitForDisplayed();
    assert.equal(await stepOf(browser), 'registered');
    const reg = (await panel.$('h3').getText()).split(' ')[0];
    assert.match(reg, /^PK-\d{6}-\d{4}$/);

    await (await browser.$('#dl-to-processed')).click();
    await (await browser.$('#dl-move-save')).click();
    await until(browser, async () => (await stepOf(browser)) === 'processed', 'processed');
    await (await browser.$('#dl-to-handed_over')).click();
    await (await browser.$('#dl-move-save')).click();
    const refused = await browser.$('[data-testid=delivery-move-error]');
    await refused.waitForDisplayed();
    assert.equal(await refused.getAttribute('data-code'), 'masukan_tidak_valid', 'the tracking number is required');
    await (await browser.$('#dl-courier')).setValue('Pos Indonesia');
    await (await browser.$('#dl-resi')).setValue('P2611250001');
    await (await browser.$('#dl-move-save')).click();
    await until(browser, async () => (await stepOf(browser)) === 'handed_over', 'handed over');
    assert.match(await panel.getText(), /P2611250001/);
    assert.match(await panel.getText(), /Diantar ke alamat paling lambat/, 'the next step and its due time');
    await screenshot(browser, '50-pos-ketanmu');

    // The applicant is told on WhatsApp, with the tracking number.
    await (await browser.$('#dl-tell')).click();
    await until(browser, async () => existsSync(opened), 'the wa.me link handed to the URL opener');
    const url = new URL(readFileSync(opened, 'utf8').trim().split('\n').pop());
    assert.equal(url.pathname, '/6281234567890');
    assert.match(url.searchParams.get('text'), /P2611250001/);

    await (await browser.$('#dl-handover')).click();
    const list = await browser.$('[data-testid=handover]');
    await list.waitForDisplayed();
    const text = await list.getText();
    assert.ok(text.includes(reg) && text.includes('P2611250001') && text.includes('Kec. Jatirejo'), text);
    assert.match(text, /Petugas Pos/, 'a place for the post officer to sign');
    await screenshot(browser, '51-serah-terima');

    // A complaint about the delivery: recorded, answered, closed.
    await browser.keys(['F7']);
    await (await browser.$('[data-testid=complaints]')).waitForDisplayed();
    await (await browser.$('#pg-name')).setValue('Siti Aminah');
    await (await browser.$('#pg-category')).selectByVisibleText('Pengiriman POS KETANMU');
    await (await browser.$('#pg-about')).setValue(reg);
    await (await browser.$('#pg-text')).setValue('Paket belum sampai.');
    await (await browser.$('#pg-save')).click();
    const cpanel = await browser.$('[data-testid=complaint-panel]');
    await cpanel.waitForDisplayed();
    assert.equal(await cpanel.getAttribute('data-state'), 'Belum dijawab');
    await (await browser.$('#pg-answer')).setValue('Paket diantar besok pagi.');
    await (await browser.$('#pg-answer-save')).click();
    await until(browser, async () => (await cpanel.getAttribute('data-state')) === 'Dijawab', 'answered');
    await (await browser.$('#pg-close')).click();
    await until(browser, async () => (await cpanel.getAttribute('data-state')) === 'Ditutup', 'closed');
    await screenshot(browser, '52-pengaduan');

    // The NIK request shows the complaint about it.
    await browser.keys(['Escape']);
    await browser.keys(['Escape']);
    const row = await browser.$(`[data-testid=queue-row][data-reg="${vn}"]`);
    await row.waitForDisplayed({ timeout: 10000 });
    const bar = await browser.$('[data-testid=services-bar]');
    await bar.waitForDisplayed();
    assert.match(await bar.getText(), /POS KETANMU: 1 berjalan/, 'the queue shows the other services');
    await until(browser, async () => (await row.getAttribute('aria-selected')) === 'true', 'the request highlighted');
    await browser.keys(['Enter']);
    const about = await browser.$('[data-testid=complaints-about]');
    await about.waitForDisplayed({ timeout: 10000 });
    assert.match(await about.getText(), /NIK belum aktif/);
    await screenshot(browser, '53-pengaduan-di-permohonan');

    // Both services in today's recap.
    await browser.keys(['F8']);
    const deliveries = await browser.$('[data-testid=recap-deliveries]');
    await deliveries.waitForDisplayed({ timeout: 10000 });
    assert.equal(await deliveries.getAttribute('data-registered'), '1');
    assert.equal(await (await browser.$('[data-testid=recap-complaints]')).getAttribute('data-received'), '2');
    await screenshot(browser, '54-rekap-layanan');
  } finally {
    await browser.deleteSession();
  }
});
