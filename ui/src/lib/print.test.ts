import { describe, expect, it } from 'vitest';
import { pageSizeRule } from './print';

describe('pageSizeRule', () => {
  it('gives a roll its measured length, rounded to 0.1 mm', () => {
    expect(pageSizeRule(80, 143.26)).toBe('@page { size: 80mm 143.3mm; margin: 0mm; }');
  });
  it('takes a margin for sheets', () => {
    expect(pageSizeRule(297, 210, 10)).toBe('@page { size: 297mm 210mm; margin: 10mm; }');
  });
});
