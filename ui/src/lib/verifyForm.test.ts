// Unit tests of the form model: printed field order, paths and ids, member
// removal that keeps marks on their rows, normalisation and value access.
import { describe, expect, it } from 'vitest';
import {
  KK_FIELDS,
  KTP_FIELDS,
  MEMBER_COLS,
  emptyForm,
  emptyMember,
  findingsAt,
  formKey,
  inputId,
  marksWithoutRow,
  memberPath,
  nextPath,
  normalizeForm,
  normalizeValue,
  orderedPaths,
  pathsWithCode,
  removeMember,
  sectionOf,
  setValueAt,
  valueAt,
} from './verifyForm';
import type { FormCheck } from './bindings';

describe('fields', () => {
  it('follow the printed order of the KTP-el and KK', () => {
    expect(KTP_FIELDS.map((f) => f.key).slice(0, 7)).toEqual([
      'provinsi',
      'kabupaten',
      'nik',
      'nama',
      'tempat_lahir',
      'tanggal_lahir',
      'jenis_kelamin',
    ]);
    expect(KTP_FIELDS[KTP_FIELDS.length - 1].key).toBe('berlaku_hingga');
    expect(KK_FIELDS.map((f) => f.key)[0]).toBe('no_kk');
    expect(KK_FIELDS[KK_FIELDS.length - 1].key).toBe('tanggal_dikeluarkan');
    expect(MEMBER_COLS.map((c) => c.key)).toEqual(['nama', 'nik', 'jenis_kelamin', 'tempat_lahir', 'tanggal_lahir', 'hubungan']);
  });
  it('cover every field of an empty form', () => {
    const f = emptyForm();
    expect(Object.keys(f.ktp).sort()).toEqual(KTP_FIELDS.map((x) => x.key).sort());
    expect(Object.keys(f.kk).sort()).toEqual([...KK_FIELDS.map((x) => x.key), 'anggota'].sort());
  });
});

describe('paths', () => {
  it('name inputs by path', () => {
    expect(inputId('ktp.nik')).toBe('v-ktp-nik');
    expect(inputId('kk.no_kk')).toBe('v-kk-no_kk');
    expect(inputId(memberPath(2, 'tanggal_lahir'))).toBe('v-kk-anggota-2-tanggal_lahir');
  });
  it('know their section', () => {
    expect(sectionOf('ktp.nama')).toBe('ktp');
    expect(sectionOf('kk.anggota.0.nik')).toBe('kk');
    expect(sectionOf('x')).toBeNull();
  });
  it('run KTP, KK, then the member rows', () => {
    const f = emptyForm();
    f.kk.anggota.push(emptyMember());
    const all = orderedPaths(f);
    expect(all[0]).toBe('ktp.provinsi');
    expect(all).toContain('kk.tanggal_dikeluarkan');
    expect(all[all.length - 1]).toBe('kk.anggota.0.hubungan');
    expect(nextPath(f, 'ktp.berlaku_hingga')).toBe('kk.no_kk');
    expect(nextPath(f, 'kk.tanggal_dikeluarkan')).toBe('kk.anggota.0.nama');
    expect(nextPath(f, 'kk.anggota.0.hubungan')).toBeNull();
    expect(nextPath(f, 'nope')).toBeNull();
  });
  it('read and write values', () => {
    const f = emptyForm();
    f.kk.anggota.push(emptyMember());
    expect(setValueAt(f, 'ktp.nama', 'SITI')).toBe(true);
    expect(setValueAt(f, 'kk.no_kk', '3516')).toBe(true);
    expect(setValueAt(f, 'kk.anggota.0.nik', '1')).toBe(true);
    expect(setValueAt(f, 'kk.anggota.5.nik', '1')).toBe(false);
    expect(setValueAt(f, 'kk.anggota', 'x')).toBe(false);
    expect(setValueAt(f, 'ktp.bogus', 'x')).toBe(false);
    expect(valueAt(f, 'ktp.nama')).toBe('SITI');
    expect(valueAt(f, 'kk.no_kk')).toBe('3516');
    expect(valueAt(f, 'kk.anggota.0.nik')).toBe('1');
    expect(valueAt(f, 'kk.anggota.3.nik')).toBe('');
  });
});

describe('removing a member row', () => {
  it('drops its marks and moves later rows up', () => {
    const marks = {
      'ktp.nik': { ok: true, reason: null },
      'kk.anggota.0.nik': { ok: true, reason: null },
      'kk.anggota.1.nik': { ok: false, reason: 'beda' },
      'kk.anggota.2.nama': { ok: true, reason: null },
    };
    expect(marksWithoutRow(marks, 1)).toEqual({
      'ktp.nik': { ok: true, reason: null },
      'kk.anggota.0.nik': { ok: true, reason: null },
      'kk.anggota.1.nama': { ok: true, reason: null },
    });
  });
  it('edits the form in place', () => {
    const f = emptyForm();
    f.kk.anggota = [
      { ...emptyMember(), nama: 'A' },
      { ...emptyMember(), nama: 'B' },
    ];
    f.marks = { 'kk.anggota.1.nama': { ok: true, reason: null } };
    removeMember(f, 0);
    expect(f.kk.anggota.map((m) => m.nama)).toEqual(['B']);
    expect(f.marks).toEqual({ 'kk.anggota.0.nama': { ok: true, reason: null } });
    removeMember(f, 7);
    expect(f.kk.anggota).toHaveLength(1);
  });
});

describe('normalisation', () => {
  it('upper-cases text and strips separators from numbers', () => {
    expect(normalizeValue('ktp.nama', '  siti   aminah ')).toBe('SITI AMINAH');
    expect(normalizeValue('ktp.nik', '3516 0245.1290-0003')).toBe('3516024512900003');
    expect(normalizeValue('kk.anggota.3.nik', '3516 0245')).toBe('35160245');
    expect(normalizeValue('ktp.nik', '3516 abc')).toBe('3516 ABC');
    expect(normalizeValue('ktp.rt_rw', '005 / 001')).toBe('005 / 001');
  });
  it('drops reasons of "sesuai" marks and blank reasons', () => {
    const f = emptyForm();
    f.marks = { 'ktp.nama': { ok: true, reason: 'x' }, 'ktp.nik': { ok: false, reason: '  ' } };
    expect(normalizeForm(f).marks).toEqual({
      'ktp.nama': { ok: true, reason: null },
      'ktp.nik': { ok: false, reason: null },
    });
  });
  it('gives the same key to forms that mean the same', () => {
    const a = emptyForm();
    const b = emptyForm();
    a.ktp.nama = 'siti';
    b.ktp.nama = 'SITI ';
    a.marks = { 'ktp.nik': { ok: true, reason: null }, 'ktp.nama': { ok: true, reason: null } };
    b.marks = { 'ktp.nama': { ok: true, reason: null }, 'ktp.nik': { ok: true, reason: null } };
    expect(formKey(a)).toBe(formKey(b));
    b.ktp.nama = 'SITI A';
    expect(formKey(a)).not.toBe(formKey(b));
  });
});

describe('findings', () => {
  const check: FormCheck = {
    fields: {
      'ktp.nik': { errors: [{ code: 'nik_tidak_ada_di_kk', message: 'x' }], warnings: [] },
      'ktp.alamat': { errors: [], warnings: [{ code: 'alamat_berbeda', message: 'y' }] },
      'kk.alamat': { errors: [], warnings: [{ code: 'alamat_berbeda', message: 'y' }] },
    },
    nik: null,
    kk: null,
    holder_row: null,
    problems: [],
    unmarked: 0,
    mismatched: 0,
  };
  it('are empty for a field without any', () => {
    expect(findingsAt(null, 'ktp.nik')).toEqual({ errors: [], warnings: [] });
    expect(findingsAt(check, 'ktp.nama')).toEqual({ errors: [], warnings: [] });
    expect(findingsAt(check, 'ktp.nik').errors).toHaveLength(1);
  });
  it('lead from a problem to its fields', () => {
    expect(pathsWithCode(check, 'alamat_berbeda')).toEqual(['ktp.alamat', 'kk.alamat']);
    expect(pathsWithCode(null, 'alamat_berbeda')).toEqual([]);
  });
});
