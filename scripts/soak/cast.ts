import { PERSONAS, type PersonaName } from '../../kit/dev/personas';
import { generatePerson, type PopulationOptions } from '../../kit/dev/synthetic/population';
import { querySucceeding, signIn } from './client';

/** One persona the soak plays: their token, and the young people and meetings they work with. */
export interface CastMember {
  persona: PersonaName;
  token: string;
  youngPeople: string[];
  meetings: string[];
}

/**
 * The meeting tools' users: every persona but the auditor, whose purpose opens logs, not caseloads or
 * meeting packs, and the board member, who sees figures and never a child.
 */
const PLAYED: PersonaName[] = (Object.keys(PERSONAS) as PersonaName[]).filter((p) => p !== 'auditor' && p !== 'boardMember');

const CASELOAD = `query SoakCaseload($after: String) {
  nwdCaseload(first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id meetings { id } }
  }
}`;

interface CaseloadPage {
  nwdCaseload: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; meetings: { id: string }[] | null }[] };
}

/** Whom a persona may open, found as their meeting tool finds them: their NWD caseload, page by page. */
async function caseloadOf(gatewayUrl: string, token: string): Promise<{ youngPeople: string[]; meetings: string[] }> {
  const youngPeople: string[] = [];
  const meetings: string[] = [];
  let after: string | null = null;
  do {
    const page: CaseloadPage = await querySucceeding<CaseloadPage>(gatewayUrl, token, CASELOAD, { after });
    for (const node of page.nwdCaseload.nodes) {
      youngPeople.push(node.id);
      meetings.push(...(node.meetings ?? []).map((m) => m.id));
    }
    after = page.nwdCaseload.pageInfo.hasNextPage ? page.nwdCaseload.pageInfo.endCursor : null;
  } while (after);
  return { youngPeople, meetings };
}

/**
 * Signs every played persona in and finds whom each works with. The virtual school head also has every
 * looked-after child (a statutory duty, not a caseload), read from the synthetic population as the bench
 * does: the widest spread of young people the soak asks about.
 */
export async function assembleCast(issuer: string, gatewayUrl: string, population: PopulationOptions): Promise<CastMember[]> {
  return Promise.all(
    PLAYED.map(async (persona) => {
      const token = await signIn(issuer, persona);
      const { youngPeople, meetings } = await caseloadOf(gatewayUrl, token);
      if (persona === 'virtualSchoolHead') {
        const known = new Set(youngPeople);
        for (let i = 0; i < population.size; i++) {
          const person = generatePerson(i, population);
          if (person.status === 'LOOKED_AFTER' && !known.has(person.id)) youngPeople.push(person.id);
        }
      }
      return { persona, token, youngPeople, meetings };
    }),
  );
}
