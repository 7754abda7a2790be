import { PERSONAS } from '../../../kit/dev/personas';
import type { SyntheticYoungPerson } from '../../../kit/dev/synthetic/population';
import { Random } from '../../../kit/dev/synthetic/random';

/**
 * Who works with each synthetic young person. The demo personas are given a share of the young
 * people (a deterministic draw per young person) and synthetic colleagues the rest, so every persona
 * has records they may see and records they may not.
 */
export interface Practitioner {
  id: string;
  name: string;
}

const colleague = (role: string, names: string[], index: number): Practitioner => {
  const name = names[index % names.length];
  return { id: `${role}.${name.toLowerCase().replace(/[^a-z]+/g, '-')}`, name };
};

const SOCIAL_WORKERS = ['Chris Oakhurst', 'Pat Ivybridge', 'Lee Brackenfield', 'Nat Harewood'];
const KEY_WORKERS = ['Priya Lanthorn', 'Jo Brackwell', 'Dev Ashgrove', 'Morgan Teasel'];
const IROS = ['Val Kestrelby', 'Ash Nettlefold'];
const TEACHERS = ['Rory Thistledown', 'Mel Harrowgate', 'Sol Brightwater'];
const NURSES = ['Bea Larchmont', 'Tam Heathcote'];
const SPEECH_THERAPISTS = ['Noor Fennimore'];
const CAMHS_PRACTITIONERS = ['Ellis Marrowby'];
const persona = (p: { id: string; name: string }): Practitioner => ({ id: p.id, name: p.name });

export function teamFor(p: SyntheticYoungPerson) {
  // Its own stream, independent of the seed, so who is allocated does not shift with other data.
  const r = new Random('team', p.index);
  return {
    socialWorker: r.chance(1 / 3) ? persona(PERSONAS.socialWorker) : colleague('sw', SOCIAL_WORKERS, p.index),
    iro: r.chance(1 / 4) ? persona(PERSONAS.iro) : colleague('iro', IROS, p.index),
    keyWorker: r.chance(1 / 2) ? persona(PERSONAS.keyWorker) : colleague('kw', KEY_WORKERS, p.index),
    // Partners invited to RAISE meetings (null: someone who does not use this service).
    designatedTeacher: r.chance(1 / 2) ? persona(PERSONAS.designatedTeacher) : null,
    schoolNurse: r.chance(2 / 3) ? persona(PERSONAS.lacNurse) : null,
    policeLiaison: persona(PERSONAS.policeLiaison),
    policeAnalyst: p.pncId ? persona(PERSONAS.policeAnalyst) : null,
    lifeCoach: persona(PERSONAS.lifeCoach),
    // Named people for what the meeting assigns to an agency whose partner above does not use this service.
    teacherColleague: colleague('dt', TEACHERS, p.index),
    nurseColleague: colleague('nurse', NURSES, p.index),
    communicationSupport: colleague('slt', SPEECH_THERAPISTS, p.index),
    camhsPractitioner: colleague('camhs', CAMHS_PRACTITIONERS, p.index),
  };
}

export type Team = ReturnType<typeof teamFor>;
