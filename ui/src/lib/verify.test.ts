// Unit tests of the verification state: load with prefill, debounced check,
// unsaved-changes tracking, marks and revision reasons.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormCheck, SavedVerification, VerificationForm } from './bindings';
import { emptyForm } from './verifyForm';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { Verification, CHECK_DEBOUNCE_MS } = await import('./verify.svelte');

const check = (unmarked: number): FormCheck => ({
  fields: {},
  nik: null,
  kk: null,
  holder_row: null,
  problems: [],
  unmarked,
  mismatched: 0,
});

function backend(saved: Partial<SavedVerification> = {}): void {
  invoke.mockImplementation(async (cmd: string, args: { form?: VerificationForm }) => {
    if (cmd === 'verify_load') return { form: emptyForm(), version: 0, at: null, operator: null, ...saved };
    if (cmd === 'verify_check') return check(Object.keys(args.form?.marks ?? {}).length);
    if (cmd === 'verify_save') return { form: args.form, version: 3, at: 1000, operator: 'Rina' };
    throw new Error(cmd);
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  invoke.mockReset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Verification', () => {
  it('starts a never-saved form with the request numbers, not dirty', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load({ nik: '3516024512900003', kk: null });
    expect(v.form.ktp.nik).toBe('3516024512900003');
    expect(v.dirty).toBe(false);
    expect(v.check?.unmarked).toBe(0);
  });

  it('keeps a saved form as it was saved', async () => {
    const form = emptyForm();
    form.ktp.nik = '1111';
    backend({ form, version: 2, at: 5, operator: 'Sari' });
    const v = new Verification('VN-1');
    await v.load({ nik: '3516024512900003', kk: '3516032003240061' });
    expect(v.form.ktp.nik).toBe('1111');
    expect(v.form.kk.no_kk).toBe('');
    expect(v.saved).toEqual({ version: 2, at: 5, operator: 'Sari' });
  });

  it('checks once the operator pauses', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load();
    invoke.mockClear();
    v.setValue('ktp.nama', 'siti');
    v.scheduleCheck();
    v.setOk('ktp.nama');
    v.scheduleCheck();
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS - 1);
    expect(invoke).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(invoke).toHaveBeenCalledTimes(1);
    const sent = invoke.mock.calls[0][1].form as VerificationForm;
    expect(sent.ktp.nama).toBe('SITI');
    expect(v.check?.unmarked).toBe(1);
  });

  it('is dirty after a change and clean after saving', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load();
    v.setValue('ktp.nama', 'siti');
    expect(v.dirty).toBe(true);
    expect(await v.save()).toBe(true);
    expect(v.dirty).toBe(false);
    expect(v.saved).toEqual({ version: 3, at: 1000, operator: 'Rina' });
    v.setValue('ktp.nama', 'SITI'); // same meaning as saved
    expect(v.dirty).toBe(false);
  });

  it('reports a refused save and stays dirty', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load();
    invoke.mockRejectedValueOnce({ code: 'disk_penuh', message: 'Disk penuh.' });
    v.setValue('ktp.nama', 'x');
    expect(await v.save()).toBe(false);
    expect(v.saveError?.code).toBe('disk_penuh');
    expect(v.dirty).toBe(true);
  });

  it('toggles marks and keeps a reason while switching', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load();
    v.toggleOk('ktp.nik');
    expect(v.markOf('ktp.nik')).toEqual({ ok: true, reason: null });
    v.toggleOk('ktp.nik');
    expect(v.markOf('ktp.nik')).toBeUndefined();
    v.toggleBad('ktp.nik');
    v.setReason('ktp.nik', 'angka ke-5 beda');
    v.toggleBad('ktp.nik', false);
    expect(v.markOf('ktp.nik')).toEqual({ ok: false, reason: 'angka ke-5 beda' });
    v.toggleBad('ktp.nik');
    expect(v.markOf('ktp.nik')).toBeUndefined();
  });

  it('keeps one revision reason per document, KTP first', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load();
    v.setRevision('kk', 'cut_off');
    v.setRevision('ktp', 'blurry');
    v.setRevision('kk', 'copy_of_copy');
    expect(v.form.revisions).toEqual([
      { document: 'ktp', reason: 'blurry' },
      { document: 'kk', reason: 'copy_of_copy' },
    ]);
    v.setRevision('ktp', '');
    expect(v.revisionOf('ktp')).toBe('');
    expect(v.revisionOf('kk')).toBe('copy_of_copy');
  });

  it('adds and removes member rows with their marks', async () => {
    backend();
    const v = new Verification('VN-1');
    await v.load();
    expect(v.addMember()).toBe(0);
    expect(v.addMember()).toBe(1);
    v.setValue('kk.anggota.1.nama', 'B');
    v.setOk('kk.anggota.1.nama');
    v.removeMember(0);
    expect(v.form.kk.anggota.map((m) => m.nama)).toEqual(['B']);
    expect(Object.keys(v.form.marks)).toEqual(['kk.anggota.0.nama']);
  });
});
