// Unit tests of the command wrappers: argument names and error mapping.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));

const { api, isFatalCode, isLoketError, toUiError } = await import('./api');

beforeEach(() => {
  invoke.mockReset();
});

describe('isLoketError', () => {
  it('accepts {code, message}', () => {
    expect(isLoketError({ code: 'nik_tidak_valid', message: 'NIK tidak valid.' })).toBe(true);
  });
  it('rejects everything else', () => {
    expect(isLoketError('command not found')).toBe(false);
    expect(isLoketError(null)).toBe(false);
    expect(isLoketError(new Error('x'))).toBe(false);
    expect(isLoketError({ code: 3, message: 'x' })).toBe(false);
    expect(isLoketError({ code: '', message: 'x' })).toBe(false);
    expect(isLoketError({ code: 'x' })).toBe(false);
  });
});

describe('toUiError', () => {
  it('keeps a LoketError', () => {
    expect(toUiError({ code: 'disk_penuh', message: 'Disk penuh.', extra: 1 })).toEqual({
      code: 'disk_penuh',
      message: 'Disk penuh.',
    });
  });
  it('turns anything else into galat_tak_terduga', () => {
    expect(toUiError('boom')).toEqual({ code: 'galat_tak_terduga', message: 'boom' });
    expect(toUiError(new TypeError('x is undefined'))).toEqual({
      code: 'galat_tak_terduga',
      message: 'x is undefined',
    });
  });
});

describe('isFatalCode', () => {
  it('is true only for the data-folder errors', () => {
    expect(isFatalCode('basis_data_versi_baru')).toBe(true);
    expect(isFatalCode('basis_data_rusak')).toBe(true);
    expect(isFatalCode('folder_data_tidak_bisa_dipakai')).toBe(true);
    expect(isFatalCode('disk_penuh')).toBe(false);
    expect(isFatalCode('galat_tak_terduga')).toBe(false);
  });
});

describe('api', () => {
  it('passes camelCase arguments to the commands', async () => {
    invoke.mockResolvedValue(null);
    await api.getRequest('VN-251126-0001');
    await api.moveRequest('VN-251126-0001', 'done', 'updated', null);
    await api.checkNik('3516024512900003');
    await api.sessionLogin('Sari', 'kopi-tubruk');
    await api.accountSetPin('Rina', null, '274913');
    await api.listRequests({ search: null, status: null, view: 'active', limit: 100 });
    await api.appReady();
    expect(invoke.mock.calls).toEqual([
      ['get_request', { regNo: 'VN-251126-0001' }],
      ['move_request', { regNo: 'VN-251126-0001', to: 'done', outcome: 'updated', note: null }],
      ['check_nik', { nik: '3516024512900003', dob: null, sex: null }],
      ['session_login', { name: 'Sari', pin: 'kopi-tubruk' }],
      ['account_set_pin', { name: 'Rina', oldPin: null, newPin: '274913' }],
      ['list_requests', { query: { search: null, status: null, view: 'active', limit: 100 } }],
      ['app_ready', undefined],
    ]);
  });

  it('returns what the command returns', async () => {
    invoke.mockResolvedValue('+6281234567890');
    await expect(api.checkPhone('0812-3456-7890')).resolves.toBe('+6281234567890');
  });

  it('rejects with the backend error as it is', async () => {
    invoke.mockRejectedValue({ code: 'nomor_wa_tidak_valid', message: 'Nomor WhatsApp tidak valid.' });
    await expect(api.checkPhone('123')).rejects.toEqual({
      code: 'nomor_wa_tidak_valid',
      message: 'Nomor WhatsApp tidak valid.',
    });
  });

  it('rejects with galat_tak_terduga when the IPC itself fails', async () => {
    invoke.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'invoke')"));
    await expect(api.appInfo()).rejects.toMatchObject({ code: 'galat_tak_terduga' });
  });
});

describe('documents and verification commands', () => {
  it('pass camelCase arguments', async () => {
    invoke.mockResolvedValue(null);
    const form = { ktp: {}, kk: {}, marks: {}, revisions: [] } as never;
    const revisions = [{ document: 'kk', reason: 'blurry' as const }];
    await api.docAddPaths('VN-1', ['/a.jpg'], null);
    await api.docList('VN-1');
    await api.docRemove(4, 'salah kirim');
    await api.docSetKind(4, 'kk');
    await api.verifyLoad('VN-1');
    await api.verifyCheck(form);
    await api.verifySave('VN-1', form);
    await api.verifyResend('VN-1', revisions);
    expect(invoke.mock.calls).toEqual([
      ['doc_add_paths', { regNo: 'VN-1', paths: ['/a.jpg'], kind: null }],
      ['doc_list', { regNo: 'VN-1' }],
      ['doc_remove', { docId: 4, reason: 'salah kirim' }],
      ['doc_set_kind', { docId: 4, kind: 'kk' }],
      ['verify_load', { regNo: 'VN-1' }],
      ['verify_check', { form }],
      ['verify_save', { regNo: 'VN-1', form }],
      ['verify_resend', { regNo: 'VN-1', revisions }],
    ]);
  });

  it('sends pasted bytes as the raw body with the rest in headers', async () => {
    invoke.mockResolvedValue(null);
    const bytes = new Uint8Array([137, 80, 78, 71]);
    await api.docAddBytes('VN-1', 'tempel 1.png', 'ktp', bytes);
    expect(invoke.mock.calls[0]).toEqual([
      'doc_add_bytes',
      bytes,
      { headers: { 'x-reg-no': 'VN-1', 'x-file-name': 'tempel%201.png', 'x-kind': 'ktp' } },
    ]);
  });
});
