import { checkNhsNumber, checkPncId, checkUpn, formatNhsNumber } from '../../kit/shared/identifiers';
import { generatePerson, syntheticNhsNumber, syntheticPncId, syntheticUpn } from '../../kit/dev/synthetic/population';

describe('NHS number (modulus 11, DOMAIN.md §3 vectors)', () => {
  it.each(['9434765919', '943 476 5919', '6541003238', '999 000 0018'])('accepts %s', (n) => {
    expect(checkNhsNumber(n)).toEqual({ ok: true, value: n.replace(/ /g, '') });
  });

  it('rejects a wrong check digit, naming the reason', () => {
    expect(checkNhsNumber('9434765918')).toEqual({ ok: false, reason: expect.stringMatching(/check digit/) as unknown });
  });

  it('rejects numbers whose check digit would be 10 (never issued)', () => {
    // 999000001x: weights give 11 - (sum mod 11) = 10 for this prefix
    const prefix = Array.from({ length: 1000 }, (_, i) => `999${String(i).padStart(6, '0')}`).find((p) => {
      let sum = 0;
      for (let i = 0; i < 9; i++) sum += Number(p[i]) * (10 - i);
      return 11 - (sum % 11) === 10;
    })!;
    expect(checkNhsNumber(`${prefix}0`)).toEqual({ ok: false, reason: expect.stringMatching(/never be issued/) as unknown });
  });

  it.each(['', '12345', '94347659190', 'ABCDEFGHIJ', '943-476-5919'])('rejects malformed %p', (n) => {
    expect(checkNhsNumber(n).ok).toBe(false);
  });

  it('formats 3-3-4', () => expect(formatNhsNumber('9434765919')).toBe('943 476 5919'));
});

describe('UPN (weights 2..13, mod 23 check letter)', () => {
  it('accepts the DOMAIN.md vector B801200005001', () => expect(checkUpn('B801200005001')).toEqual({ ok: true, value: 'B801200005001' }));
  it('normalises case and spaces', () => expect(checkUpn(' b801200005001 ')).toEqual({ ok: true, value: 'B801200005001' }));
  it('rejects a wrong check letter', () =>
    expect(checkUpn('A801200005001')).toEqual({ ok: false, reason: expect.stringMatching(/check letter/) as unknown }));
  it('rejects a transposition', () => expect(checkUpn('B802100005001').ok).toBe(false));
  it.each(['', 'B80120000500', '1801200005001', 'B80120000500X'])('rejects malformed %p', (u) => expect(checkUpn(u).ok).toBe(false));
});

describe('PNC ID ((YY + 7-digit serial) mod 23)', () => {
  it.each([['2008/0056560Z'], ['1981/0154257C']])('accepts %s', (p) => expect(checkPncId(p)).toEqual({ ok: true, value: p }));
  it('accepts the short display form and returns the long form', () => {
    expect(checkPncId('08/56560Z')).toEqual({ ok: true, value: '2008/0056560Z' });
    expect(checkPncId('81/154257C')).toEqual({ ok: true, value: '1981/0154257C' });
  });
  it('rejects a wrong check letter', () =>
    expect(checkPncId('2008/0056560A')).toEqual({ ok: false, reason: expect.stringMatching(/check letter/) as unknown }));
  it.each(['', '2008-0056560Z', '2008/0056560', '208/0056560Z', '2008/00565601Z'])('rejects malformed %p', (p) =>
    expect(checkPncId(p).ok).toBe(false),
  );
});

describe('synthetic identifiers', () => {
  it('are valid, and NHS numbers come from the never-issued 999 range', () => {
    for (let i = 0; i < 2000; i += 37) {
      const nhs = syntheticNhsNumber(i);
      expect(nhs.startsWith('999')).toBe(true);
      expect(checkNhsNumber(nhs).ok).toBe(true);
      expect(checkUpn(syntheticUpn(i, 2001)).ok).toBe(true);
      expect(checkPncId(syntheticPncId(i, 2024)).ok).toBe(true);
    }
  });

  it('are unique across a 100 000 population', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(syntheticNhsNumber(i));
    expect(seen.size).toBe(100_000);
  });

  it('are deterministic for a seed', () => {
    const options = { size: 10, seed: 'x', asOf: '2026-11-23' };
    expect(generatePerson(7, options)).toEqual(generatePerson(7, options));
    expect(generatePerson(7, options)).not.toEqual(generatePerson(7, { ...options, seed: 'y' }));
  });
});
