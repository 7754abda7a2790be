import type { AgencyCode, Role } from '../shared/roles';

/**
 * Demo users for the embedded default: one per role the product serves. Invented people; the
 * development identity provider issues tokens for them and the synthetic data gives them
 * allocations and meeting invitations for some young people (and not others).
 */
export interface Persona {
  id: string;
  name: string;
  role: Role;
  agency: AgencyCode;
}

export const PERSONAS = {
  socialWorker: { id: 'sw.fernleigh', name: 'Alex Fernleigh', role: 'SOCIAL_WORKER', agency: 'SOCIAL_CARE' },
  keyWorker: { id: 'kw.hollyoak', name: 'Sam Hollyoak', role: 'NWD_KEY_WORKER', agency: 'SOCIAL_CARE' },
  iro: { id: 'iro.wrenfield', name: 'Robin Wrenfield', role: 'IRO', agency: 'SOCIAL_CARE' },
  virtualSchoolHead: { id: 'vsh.alderley', name: 'Jess Alderley', role: 'VIRTUAL_SCHOOL_HEAD', agency: 'EDUCATION' },
  designatedTeacher: { id: 'dt.quillfield', name: 'Jordan Quillfield', role: 'DESIGNATED_TEACHER', agency: 'EDUCATION' },
  lacNurse: { id: 'nurse.mossley', name: 'Casey Mossley', role: 'LAC_NURSE', agency: 'HEALTH' },
  lifeCoach: { id: 'lc.thornbury', name: 'Dr Kit Thornbury', role: 'LIFE_COACH', agency: 'HEALTH' },
  policeLiaison: { id: 'plo.sedgewick', name: 'PC Rowan Sedgewick', role: 'POLICE_LIAISON_OFFICER', agency: 'POLICE' },
  policeAnalyst: { id: 'pia.larkfield', name: 'Dana Larkfield', role: 'POLICE_INTELLIGENCE_ANALYST', agency: 'POLICE' },
  auditor: { id: 'ig.pikeley', name: 'Morgan Pikeley', role: 'IG_AUDITOR', agency: 'SOCIAL_CARE' },
  boardMember: { id: 'cpb.ashdown', name: 'Cllr Avery Ashdown', role: 'CORPORATE_PARENTING_BOARD_MEMBER', agency: 'SOCIAL_CARE' },
} as const satisfies Record<string, Persona>;

export type PersonaName = keyof typeof PERSONAS;
export const PERSONA_LIST: Persona[] = Object.values(PERSONAS);
