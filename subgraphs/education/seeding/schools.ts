import { LA_CODE, PRIMARY_SCHOOL_NUMBERS, SECONDARY_SCHOOL_NUMBERS } from '../../../kit/dev/synthetic/population';
import { School } from '../entities/school';
import { SchoolPhase } from '../enums';
import type { SeedingSession } from '../../../kit/dev/synthetic/seeding-session';

/**
 * The synthetic school directory: every establishment number kit schoolNumberFor can give a UPN
 * plus one pupil referral unit. URNs come from the numbers
 * in a range no real school has, so the same number is always the same school.
 */
export const PRIMARY_NUMBERS = range(PRIMARY_SCHOOL_NUMBERS.from, PRIMARY_SCHOOL_NUMBERS.to);
export const SECONDARY_NUMBERS = range(SECONDARY_SCHOOL_NUMBERS.from, SECONDARY_SCHOOL_NUMBERS.to);
export const PUPIL_REFERRAL_UNIT = 1100;
const DIRECTORY = [...PRIMARY_NUMBERS, ...SECONDARY_NUMBERS, PUPIL_REFERRAL_UNIT];

const NAME_STARTS = [
  'Alder',
  'Birch',
  'Cedar',
  'Damson',
  'Elder',
  'Furze',
  'Gean',
  'Holly',
  'Juniper',
  'Larch',
  'Medlar',
  'Rowan',
  'Sorrel',
  'Teasel',
];
const NAME_ENDS = ['brook', 'croft', 'field', 'gate', 'hurst', 'lea', 'mead', 'side'];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function schoolUrn(establishmentNumber: number): string {
  return String(900000 + establishmentNumber);
}

export function phaseOf(establishmentNumber: number): SchoolPhase {
  if (establishmentNumber >= 4000) return SchoolPhase.SECONDARY;
  return establishmentNumber >= 2000 ? SchoolPhase.PRIMARY : SchoolPhase.NOT_APPLICABLE;
}

export function schoolName(establishmentNumber: number): string {
  if (establishmentNumber === PUPIL_REFERRAL_UNIT) return 'Synthetic Tees Pupil Referral Unit';
  // Distinct for every number in the directory: consecutive numbers walk through all 112 stems.
  const n = establishmentNumber;
  const stem = `${NAME_STARTS[n % NAME_STARTS.length]}${NAME_ENDS[Math.floor(n / NAME_STARTS.length) % NAME_ENDS.length]}`;
  return `Synthetic ${stem} ${phaseOf(establishmentNumber) === SchoolPhase.PRIMARY ? 'Primary School' : 'Academy'}`;
}

/** Persists the whole directory; seeded once, with the first person of the population. */
export function seedSchoolDirectory(em: SeedingSession): void {
  for (const n of DIRECTORY) {
    em.create(School, {
      urn: schoolUrn(n),
      localAuthorityCode: LA_CODE,
      establishmentNumber: String(n).padStart(4, '0'),
      name: schoolName(n),
      phase: phaseOf(n),
    });
  }
}

/** The school row for an establishment number, by reference (the directory is already persisted). */
export function schoolRef(em: SeedingSession, establishmentNumber: number): School {
  if (!DIRECTORY.includes(establishmentNumber)) {
    throw new Error(`school ${establishmentNumber} is not in the synthetic directory (has kit schoolNumberFor changed?)`);
  }
  return em.getReference(School, schoolUrn(establishmentNumber));
}
