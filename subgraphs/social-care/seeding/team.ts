import { PERSONAS } from '../../../kit/dev/personas';
import type { SyntheticYoungPerson } from '../../../kit/dev/synthetic/population';
import { Random } from '../../../kit/dev/synthetic/random';

/**
 * Who works with each synthetic young person. In their locality the demo personas are given a share of
 * the young people (a deterministic draw per young person) and synthetic colleagues the rest, so every
 * persona has records they may see and records they may not.
 */
export interface Practitioner {
  id: string;
  name: string;
}

/**
 * Young people per locality team. The demo personas work in the first locality (the README's council of
 * 600); each further 600 young people have their own synthetic team, so a key worker's or social
 * worker's caseload stays the size it is at 600 however large the council grows (at 100 000, one key
 * worker would otherwise hold 4 000 young people; real caseloads are 10 to 25). The virtual school
 * head, whose duty is to every looked-after child of the authority, is the one role that grows.
 */
export const LOCALITY_SIZE = 600;

const colleague = (role: string, names: string[], index: number, locality = 0): Practitioner => {
  // In the first locality, by index (the demo data as it has always been); in the others by a draw of
  // their own, which spreads the young people evenly whatever pattern their indices follow.
  const name = names[locality === 0 ? index % names.length : new Random('team', role, index).int(0, names.length - 1)];
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return { id: locality === 0 ? `${role}.${slug}` : `${role}.${slug}-${locality + 1}`, name };
};

const SOCIAL_WORKERS = ['Chris Oakhurst', 'Pat Ivybridge', 'Lee Brackenfield', 'Nat Harewood'];
const KEY_WORKERS = ['Priya Lanthorn', 'Jo Brackwell', 'Dev Ashgrove', 'Morgan Teasel'];
const IROS = ['Val Kestrelby', 'Ash Nettlefold'];
const TEACHERS = ['Rory Thistledown', 'Mel Harrowgate', 'Sol Brightwater'];
const NURSES = ['Bea Larchmont', 'Tam Heathcote'];
const SPEECH_THERAPISTS = ['Noor Fennimore'];
const CAMHS_PRACTITIONERS = ['Ellis Marrowby'];
const POLICE_LIAISONS = ['PC Kit Fallowmere', 'PC Robin Sedgewick'];
const POLICE_ANALYSTS = ['Sasha Quillfeather'];
const LIFE_COACHES = ['Jules Amberley', 'Remi Foxcote'];
const persona = (p: { id: string; name: string }): Practitioner => ({ id: p.id, name: p.name });

export function teamFor(p: SyntheticYoungPerson) {
  // Its own stream, independent of the seed, so who is allocated does not shift with other data.
  const r = new Random('team', p.index);
  const locality = Math.floor(p.index / LOCALITY_SIZE);
  /** The persona in the first locality; in any other, one of that locality's own colleagues in the role. */
  const lead = (who: { id: string; name: string }, role: string, names: string[]) =>
    locality === 0 ? persona(who) : colleague(role, names, p.index, locality);
  const other = (role: string, names: string[]) => colleague(role, names, p.index, locality);
  return {
    socialWorker: r.chance(1 / 3) ? lead(PERSONAS.socialWorker, 'sw', SOCIAL_WORKERS) : other('sw', SOCIAL_WORKERS),
    iro: r.chance(1 / 4) ? lead(PERSONAS.iro, 'iro', IROS) : other('iro', IROS),
    keyWorker: r.chance(1 / 2) ? lead(PERSONAS.keyWorker, 'kw', KEY_WORKERS) : other('kw', KEY_WORKERS),
    // Partners invited to RAISE meetings (null: someone who does not use this service).
    designatedTeacher: r.chance(1 / 2) ? lead(PERSONAS.designatedTeacher, 'dt', TEACHERS) : null,
    schoolNurse: r.chance(2 / 3) ? lead(PERSONAS.lacNurse, 'nurse', NURSES) : null,
    policeLiaison: lead(PERSONAS.policeLiaison, 'pl', POLICE_LIAISONS),
    policeAnalyst: p.pncId ? lead(PERSONAS.policeAnalyst, 'pa', POLICE_ANALYSTS) : null,
    lifeCoach: lead(PERSONAS.lifeCoach, 'lc', LIFE_COACHES),
    // Named people for what the meeting assigns to an agency whose partner above does not use this service.
    teacherColleague: other('dt', TEACHERS),
    nurseColleague: other('nurse', NURSES),
    communicationSupport: other('slt', SPEECH_THERAPISTS),
    camhsPractitioner: other('camhs', CAMHS_PRACTITIONERS),
  };
}

export type Team = ReturnType<typeof teamFor>;
